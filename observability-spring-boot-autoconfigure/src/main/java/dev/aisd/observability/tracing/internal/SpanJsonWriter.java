package dev.aisd.observability.tracing.internal;

import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

import dev.aisd.observability.endpoint.internal.EndpointJson;

/**
 * Writes spans as the JSON of {@code GET /observability/traces}, through
 * {@link EndpointJson} like every endpoint document (its rules for escapes, lone
 * surrogates and timestamps apply). Constant property names are serialized once.
 */
public final class SpanJsonWriter {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	/** What a trace URL template says where the trace id goes. */
	public static final String TRACE_ID_PLACEHOLDER = "{trace_id}";

	private static final SerializableString TRACES = new SerializedString("traces");

	private static final SerializableString TRACE_ID = new SerializedString("trace_id");

	private static final SerializableString SPAN_ID = new SerializedString("span_id");

	private static final SerializableString PARENT_SPAN_ID = new SerializedString("parent_span_id");

	private static final SerializableString NAME = new SerializedString("name");

	private static final SerializableString KIND = new SerializedString("kind");

	private static final SerializableString STATUS = new SerializedString("status");

	private static final SerializableString SERVICE = new SerializedString("service");

	private static final SerializableString START_TIME = new SerializedString("start_time");

	private static final SerializableString DURATION_SECONDS = new SerializedString("duration_seconds");

	private static final SerializableString ATTRIBUTES = new SerializedString("attributes");

	private static final SerializableString TRACE_URL = new SerializedString("trace_url");

	private SpanJsonWriter() {
	}

	/**
	 * Write {@code {"traces":[...]}} as UTF-8.
	 * @param spans the spans, in the order to write
	 * @return the JSON document
	 */
	public static byte[] traces(List<SpanRecord> spans) {
		return traces(spans, null);
	}

	/**
	 * Write {@code {"traces":[...]}} as UTF-8, each span with a {@code trace_url} when a
	 * link template is given.
	 * @param spans the spans, in the order to write
	 * @param traceUrl the link to a span's trace in a trace UI, {@value #TRACE_ID_PLACEHOLDER}
	 * standing for its trace id, or {@code null} for no link
	 * @return the JSON document
	 */
	public static byte[] traces(List<SpanRecord> spans, TraceUrl traceUrl) {
		return EndpointJson.write(64 + spans.size() * 512, (json) -> {
			StringBuilder scratch = new StringBuilder(24);
			json.writeStartObject();
			json.writeName(TRACES);
			json.writeStartArray();
			for (int i = 0; i < spans.size(); i++) {
				span(json, spans.get(i), scratch, traceUrl);
			}
			json.writeEndArray();
			json.writeEndObject();
		});
	}

	/**
	 * Write the error document of a bad request as UTF-8.
	 * @param message what is wrong
	 * @param parameter the parameter at fault
	 * @return the JSON document
	 */
	public static byte[] error(String message, String parameter) {
		return EndpointJson.write(96, (json) -> {
			json.writeStartObject();
			EndpointJson.stringProperty(json, "error", message);
			EndpointJson.stringProperty(json, "parameter", parameter);
			json.writeEndObject();
		});
	}

	private static void span(JsonGenerator json, SpanRecord span, StringBuilder scratch, TraceUrl traceUrl) {
		json.writeStartObject();
		string(json, TRACE_ID, span.traceId());
		string(json, SPAN_ID, span.spanId());
		string(json, PARENT_SPAN_ID, span.parentSpanId());
		string(json, NAME, span.name());
		string(json, KIND, span.kind());
		string(json, STATUS, span.status());
		string(json, SERVICE, span.service());
		json.writeName(START_TIME);
		EndpointJson.timestampMicros(json, span.startEpochNanos());
		json.writeName(DURATION_SECONDS);
		scratch.setLength(0);
		seconds(scratch, span.durationNanos());
		json.writeNumber(scratch.toString());
		json.writeName(ATTRIBUTES);
		json.writeStartObject();
		SpanAttributes attributes = span.attributes();
		for (int i = 0; i < attributes.size(); i++) {
			EndpointJson.name(json, attributes.key(i));
			value(json, attributes.value(i));
		}
		json.writeEndObject();
		if (traceUrl != null) {
			string(json, TRACE_URL, traceUrl.forTrace(span.traceId()));
		}
		json.writeEndObject();
	}

	private static void string(JsonGenerator json, SerializableString name, String value) {
		json.writeName(name);
		EndpointJson.string(json, value);
	}

	private static void value(JsonGenerator json, Object value) {
		if (value instanceof Long || value instanceof Integer) {
			json.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof Boolean bool) {
			json.writeBoolean(bool);
		}
		else if (value instanceof Double number) {
			// An attribute keeps what it said: NaN and infinities as their names.
			if (number.isNaN() || number.isInfinite()) {
				json.writeString(number.toString());
			}
			else {
				json.writeNumber(number.doubleValue());
			}
		}
		else {
			EndpointJson.string(json, (value != null) ? value.toString() : null);
		}
	}

	/**
	 * Append nanoseconds as a decimal number of seconds without exponent and without
	 * trailing zeros, e.g. {@code 0.00213}: a double would print small durations as
	 * {@code 2.13E-4} and lose the nanoseconds of long ones.
	 * @param json where to write
	 * @param nanos the duration
	 */
	static void seconds(StringBuilder json, long nanos) {
		long whole = nanos / NANOS_PER_SECOND;
		long fraction = nanos % NANOS_PER_SECOND;
		json.append(whole);
		if (fraction == 0) {
			json.append(".0");
			return;
		}
		int digits = 9;
		while (fraction % 10 == 0) {
			fraction /= 10;
			digits--;
		}
		json.append('.');
		String text = Long.toString(fraction);
		for (int i = text.length(); i < digits; i++) {
			json.append('0');
		}
		json.append(text);
	}

	/**
	 * A link template to a trace UI, such as
	 * {@code https://zipkin.example.com/zipkin/traces/{trace_id}}; without the
	 * placeholder the trace id is appended.
	 *
	 * @param prefix what comes before the trace id
	 * @param suffix what comes after it
	 */
	public record TraceUrl(String prefix, String suffix) {

		/**
		 * Parse a template.
		 * @param template the template, or {@code null} or blank for none
		 * @return the link, or {@code null}
		 */
		public static TraceUrl of(String template) {
			if (template == null || template.isBlank()) {
				return null;
			}
			String trimmed = template.trim();
			int at = trimmed.indexOf(TRACE_ID_PLACEHOLDER);
			if (at < 0) {
				return new TraceUrl(trimmed, "");
			}
			return new TraceUrl(trimmed.substring(0, at), trimmed.substring(at + TRACE_ID_PLACEHOLDER.length()));
		}

		String forTrace(String traceId) {
			return this.prefix + traceId + this.suffix;
		}

	}

}
