package dev.aisd.observability.web;

/**
 * One finished HTTP server request, measured once and shared by everything that reports
 * on it (the {@code Handled request} log line, the HTTP metrics, user listeners).
 *
 * @param method the HTTP method as the client sent it, cut to 24 characters
 * @param route the route template that handled the request ({@code /items/{id}}), or
 * {@code null} when no route matched
 * @param rawPath the request path as the client sent it, without the query string and
 * without path parameters ({@code ;jsessionid=...}), cut to 256 characters
 * @param status the HTTP status code of the response (500 when an exception escaped)
 * @param durationNanos how long the request took, in nanoseconds
 * @param clientIp the address of the client as the server resolved it (Spring Boot's
 * {@code server.forward-headers-strategy} decides whether forwarded headers of trusted
 * proxies count), or {@code null} when unknown
 * @param requestId the request id of the exchange, or {@code null} when none was set
 * @param traceId the trace id of the server span, or {@code null} when not traced
 * @param spanId the span id of the server span, or {@code null} when not traced
 * @param error the exception that escaped the handler, or {@code null}
 * @since 0.1.0
 */
public record CompletedRequest(String method, String route, String rawPath, int status, long durationNanos,
		String clientIp, String requestId, String traceId, String spanId, Throwable error) {

	/**
	 * Return the duration in seconds.
	 * @return the duration in seconds
	 */
	public double durationSeconds() {
		return this.durationNanos / 1_000_000_000.0;
	}

}
