package dev.aisd.observability.tracing.internal;

import io.micrometer.tracing.Span;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Names and tags an HTTP server span that the starter's own request filter created,
 * exactly as {@link ServletServerSpanConvention} names and tags the span of Spring's
 * server observation: {@code http GET /items/{id}} and the OpenTelemetry HTTP
 * semantic-convention attributes. Not API: may change without notice.
 */
public final class HttpServerSpanTags {

	private static final HttpMethod[] STANDARD_METHODS = HttpMethod.values();

	/** The status codes a response can have, as attribute values, made once. */
	private static final String[] STATUS_CODES = new String[600];

	static {
		for (int status = 100; status < STATUS_CODES.length; status++) {
			STATUS_CODES[status] = Integer.toString(status);
		}
	}

	private HttpServerSpanTags() {
	}

	/**
	 * Return the method as Spring's convention reports it: a standard method in upper
	 * case, {@code UNKNOWN} for any other.
	 * @param method the method of the request
	 * @return the method value
	 */
	public static String method(String method) {
		HttpMethod resolved = (method != null) ? HttpMethod.valueOf(method) : null;
		for (HttpMethod standard : STANDARD_METHODS) {
			if (standard == resolved) {
				return standard.name();
			}
		}
		return "UNKNOWN";
	}

	/**
	 * Name and tag the span of a finished request.
	 * @param span the server span
	 * @param method the method of the request as the client sent it
	 * @param pattern the route template, or {@code null} when no route matched
	 * @param path the redacted, bounded path
	 * @param status the response status
	 * @param error the exception that escaped the handler, or {@code null}
	 */
	public static void finish(Span span, String method, String pattern, String path, int status, Throwable error) {
		// Tagged one by one: building the KeyValues (sorted, copied per added value)
		// cost a few hundred bytes per request.
		String methodValue = method(method);
		String statusValue = (status >= 100 && status < STATUS_CODES.length) ? STATUS_CODES[status]
				: Integer.toString(status);
		span.name(HttpServerSpans.name(methodValue, pattern, uri(pattern, status)));
		HttpServerSpans.attributes(methodValue, pattern, path, statusValue, error, span, HttpServerSpanTags::tag);
		if (error != null) {
			span.error(error);
		}
	}

	private static void tag(Span span, String key, String value) {
		if (HttpServerSpans.ERROR.equals(key)) {
			// Marked failed as Micrometer's tracing handler marks a span with this key.
			span.error(new RuntimeException(value));
		}
		else {
			span.tag(key, value);
		}
	}

	/**
	 * Spring's {@code uri} value of a request that matched no route.
	 */
	private static String uri(String pattern, int status) {
		if (pattern != null) {
			return pattern.isEmpty() ? "root" : pattern;
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		if (resolved != null) {
			if (resolved.is3xxRedirection()) {
				return "REDIRECTION";
			}
			if (resolved == HttpStatus.NOT_FOUND) {
				return "NOT_FOUND";
			}
		}
		return "UNKNOWN";
	}

}
