package dev.aisd.observability.tracing.internal;

import java.util.Set;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * Names and attributes of HTTP server spans, shared by the Servlet and WebFlux
 * conventions: {@code http GET /items/{id}} and the attributes of the OpenTelemetry HTTP
 * semantic conventions, {@code http.request.method}, {@code http.route} (the route
 * template, when a route matched), {@code url.path} (the path the client asked for,
 * without path parameters, bounded), {@code http.response.status_code} and, for a failed
 * request, {@code error.type}.
 */
final class HttpServerSpans {

	static final String METHOD = "http.request.method";

	static final String ROUTE = "http.route";

	static final String URL_PATH = "url.path";

	static final String STATUS_CODE = "http.response.status_code";

	static final String ERROR_TYPE = "error.type";

	/** Key that Micrometer Tracing turns into an error status of the span. */
	static final String ERROR = "error";

	/**
	 * Spring's low-cardinality keys, which metrics need but which only duplicate the
	 * semantic-convention attributes on a server span; left out of recorded and exported
	 * server spans, like Micrometer's {@code error} marker.
	 */
	static final Set<String> MICROMETER_KEYS = Set.of("method", "status", "outcome", "uri", "exception", ERROR);

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

	/**
	 * Return the semantic-convention attributes of a server span.
	 * @param method the method
	 * @param pattern the route template, or {@code null} / empty when no route matched
	 * @param path the redacted, bounded path
	 * @param status the status code
	 * @param error the exception that escaped the handler, or {@code null}
	 * @return the attributes
	 */
	static KeyValues attributes(String method, String pattern, String path, String status, Throwable error) {
		KeyValues values = KeyValues.of(KeyValue.of(METHOD, method), KeyValue.of(URL_PATH, path),
				KeyValue.of(STATUS_CODE, status));
		if (pattern != null && !pattern.isEmpty()) {
			values = values.and(ROUTE, pattern);
		}
		if (error != null) {
			// The tracing handler marks the span failed itself.
			return values.and(ERROR_TYPE, error.getClass().getName());
		}
		// A 5xx without an exception is still a failed server span (OpenTelemetry HTTP
		// semantic conventions): error.type is then the status code.
		if (status.length() == 3 && status.charAt(0) == '5') {
			values = values.and(KeyValue.of(ERROR_TYPE, status), KeyValue.of(ERROR, "HTTP " + status));
		}
		return values;
	}

}
