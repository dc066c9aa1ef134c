package dev.aisd.observability.tracing.internal;

import io.micrometer.common.KeyValue;
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
		for (HttpMethod standard : HttpMethod.values()) {
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
		String methodValue = method(method);
		span.name(HttpServerSpans.name(methodValue, pattern, uri(pattern, status)));
		for (KeyValue keyValue : HttpServerSpans.attributes(methodValue, pattern, path, String.valueOf(status),
				error)) {
			if (HttpServerSpans.ERROR.equals(keyValue.getKey())) {
				// What Micrometer's tracing handler does with an "error" key value.
				span.error(new RuntimeException(keyValue.getValue()));
			}
			else {
				span.tag(keyValue.getKey(), keyValue.getValue());
			}
		}
		if (error != null) {
			span.error(error);
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
