package dev.aisd.observability.web;

/**
 * Names of the request (Servlet) and exchange (WebFlux) attributes the starter sets.
 *
 * @since 0.1.0
 */
public final class RequestAttributes {

	/** Attribute holding the request id of the exchange, a {@link String}. */
	public static final String REQUEST_ID = RequestAttributes.class.getName() + ".requestId";

	private RequestAttributes() {
	}

}
