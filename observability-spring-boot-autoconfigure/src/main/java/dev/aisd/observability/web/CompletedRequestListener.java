package dev.aisd.observability.web;

/**
 * Receives every {@link CompletedRequest} of a Servlet or WebFlux application. Beans of
 * this type are called in order ({@link org.springframework.core.Ordered}) on the thread
 * that finishes the request, so they must be fast and must not block.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CompletedRequestListener {

	/**
	 * Called once when a request has finished.
	 * @param request the finished request
	 */
	void onCompleted(CompletedRequest request);

}
