package dev.aisd.observability.tracing.internal;

import java.util.ArrayList;
import java.util.List;
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
	 * Return the semantic-convention attributes of a server span, for a convention.
	 * @param method the method
	 * @param pattern the route template, or {@code null} / empty when no route matched
	 * @param path the redacted, bounded path
	 * @param status the status code
	 * @param error the exception that escaped the handler, or {@code null}
	 * @return the attributes
	 */
	static KeyValues attributes(String method, String pattern, String path, String status, Throwable error) {
		List<KeyValue> values = new ArrayList<>(6);
		attributes(method, pattern, path, status, error, values, (list, key, value) -> list.add(KeyValue.of(key, value)));
		return KeyValues.of(values);
	}

	/**
	 * Hand each semantic-convention attribute of a server span to a sink: the one rule
	 * set behind both the conventions of Spring's observation and the starter's own
	 * filters, which tag the span directly.
	 * <p>
	 * A request that failed with an exception gets its class as {@code error.type} (the
	 * caller marks the span failed with the exception). A 5xx without one is still a
	 * failed server span (OpenTelemetry HTTP semantic conventions): {@code error.type}
	 * is then the status code, followed by the {@value #ERROR} key with the value
	 * {@code HTTP <status>}, which Micrometer's tracing handler turns into an error
	 * status of the span.
	 * @param <T> the type of the target
	 * @param method the method
	 * @param pattern the route template, or {@code null} / empty when no route matched
	 * @param path the redacted, bounded path
	 * @param status the status code
	 * @param error the exception that escaped the handler, or {@code null}
	 * @param target what the sink writes to, so that the sink needs no capture
	 * @param sink receives each key and value, in a fixed order
	 */
	static <T> void attributes(String method, String pattern, String path, String status, Throwable error, T target,
			Sink<T> sink) {
		sink.accept(target, METHOD, method);
		sink.accept(target, URL_PATH, path);
		sink.accept(target, STATUS_CODE, status);
		if (pattern != null && !pattern.isEmpty()) {
			sink.accept(target, ROUTE, pattern);
		}
		if (error != null) {
			sink.accept(target, ERROR_TYPE, error.getClass().getName());
		}
		else if (status.length() == 3 && status.charAt(0) == '5') {
			sink.accept(target, ERROR_TYPE, status);
			sink.accept(target, ERROR, "HTTP " + status);
		}
	}

	/**
	 * Receives the attributes of a server span.
	 *
	 * @param <T> the type of the target
	 */
	@FunctionalInterface
	interface Sink<T> {

		void accept(T target, String key, String value);

	}

}
