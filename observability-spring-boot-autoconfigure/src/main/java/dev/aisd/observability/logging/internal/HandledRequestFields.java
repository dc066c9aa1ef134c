package dev.aisd.observability.logging.internal;

import dev.aisd.observability.web.CompletedRequest;
import net.logstash.logback.argument.StructuredArgument;
import tools.jackson.core.JsonGenerator;

/**
 * The fields of the {@code Handled request} line, written straight from the
 * {@link CompletedRequest} as one structured argument: one allocation per line instead
 * of one per field. Not API: may change without notice.
 */
public final class HandledRequestFields extends HandledRequestSummary implements StructuredArgument {

	/**
	 * Create the fields of the given request.
	 * @param request the finished request
	 */
	public HandledRequestFields(CompletedRequest request) {
		super(request);
	}

	@Override
	public void writeTo(JsonGenerator generator) {
		CompletedRequest request = request();
		generator.writeStringProperty("method", request.method());
		generator.writeStringProperty("path", path(request));
		generator.writeNumberProperty("status_code", request.status());
		generator.writeNumberProperty("duration_seconds", request.durationSeconds());
		generator.writeStringProperty("client_ip", request.clientIp());
	}

}
