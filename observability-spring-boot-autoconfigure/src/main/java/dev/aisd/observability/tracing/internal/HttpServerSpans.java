package dev.aisd.observability.tracing.internal;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Names and attributes of HTTP server spans, shared by the Servlet and WebFlux
 * conventions: {@code http GET /items/{id}} and the attributes
 * {@code http.request.method}, {@code url.path} (the route template) and
 * {@code http.response.status_code}.
 */
final class HttpServerSpans {

	static final String METHOD = "http.request.method";

	static final String ROUTE = "url.path";

	static final String STATUS_CODE = "http.response.status_code";

	/** Key that Micrometer Tracing turns into an error status of the span. */
	static final String ERROR = "error";

	private HttpServerSpans() {
	}

	/**
	 * Return the span name.
	 * @param method the method as Spring's convention reports it (upper case,
	 * {@code UNKNOWN} for non-standard methods)
	 * @param pattern the route template, or {@code null} / empty when no route matched
	 * @param uri Spring's {@code uri} value, used when no route matched
	 * ({@code NOT_FOUND}, {@code REDIRECTION}, {@code UNKNOWN}, {@code root})
	 * @return the name
	 */
	static String name(String method, String pattern, String uri) {
		return "http " + method + " " + route(pattern, uri);
	}

	static String route(String pattern, String uri) {
		return (pattern != null && !pattern.isEmpty()) ? pattern : uri;
	}

	static KeyValues attributes(String method, String route, String status, boolean failed) {
		KeyValues values = KeyValues.of(KeyValue.of(METHOD, method), KeyValue.of(ROUTE, route),
				KeyValue.of(STATUS_CODE, status));
		// A 5xx without an exception is still a failed server span (OpenTelemetry HTTP
		// semantic conventions); the exception case is marked by the tracing handler itself.
		if (!failed && status.length() == 3 && status.charAt(0) == '5') {
			values = values.and(ERROR, "HTTP " + status);
		}
		return values;
	}

}
