package dev.aisd.observability.logging.internal;

import dev.aisd.observability.web.CompletedRequest;
import net.logstash.logback.argument.StructuredArgument;
import tools.jackson.core.JsonGenerator;

/**
 * The fields of the {@code Handled request} line, written straight from the
 * {@link CompletedRequest} as one structured argument: one allocation per line instead
 * of one per field. Not API: may change without notice.
 */
public final class HandledRequestFields implements StructuredArgument {

	/** Longest raw path logged for a request that matched no route. */
	public static final int MAX_RAW_PATH_LENGTH = 256;

	private final CompletedRequest request;

	/**
	 * Create the fields of the given request.
	 * @param request the finished request
	 */
	public HandledRequestFields(CompletedRequest request) {
		this.request = request;
	}

	@Override
	public void writeTo(JsonGenerator generator) {
		generator.writeStringProperty("method", this.request.method());
		generator.writeStringProperty("path", path(this.request));
		generator.writeNumberProperty("status_code", this.request.status());
		generator.writeNumberProperty("duration_seconds", this.request.durationSeconds());
		generator.writeStringProperty("client_ip", this.request.clientIp());
	}

	/**
	 * Return the path to log: the route template, or for a request that matched no route
	 * its raw path cut to {@value #MAX_RAW_PATH_LENGTH} characters.
	 * @param request the finished request
	 * @return the path to log
	 */
	public static String path(CompletedRequest request) {
		String route = request.route();
		if (route != null) {
			return route;
		}
		String raw = request.rawPath();
		if (raw == null) {
			return null;
		}
		return (raw.length() <= MAX_RAW_PATH_LENGTH) ? raw : raw.substring(0, MAX_RAW_PATH_LENGTH) + "...";
	}

	@Override
	public String toString() {
		return "method=" + this.request.method() + " path=" + path(this.request) + " status_code="
				+ this.request.status() + " duration_seconds=" + this.request.durationSeconds() + " client_ip="
				+ this.request.clientIp();
	}

}
