package dev.aisd.observability.tracing.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes spans as the JSON of {@code GET /observability/traces}. Hand-written because it
 * is on the read path of every poll and a generic mapper would dominate its cost;
 * strings are escaped for any content (quotes, control characters, line separators), and
 * lone surrogates become U+FFFD.
 */
public final class SpanJsonWriter {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private SpanJsonWriter() {
	}

	/**
	 * Write {@code {"traces":[...]}} as UTF-8.
	 * @param spans the spans, in the order to write
	 * @return the JSON document
	 */
	public static byte[] traces(List<SpanRecord> spans) {
		StringBuilder json = new StringBuilder(64 + spans.size() * 512);
		json.append("{\"traces\":[");
		for (int i = 0; i < spans.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			span(json, spans.get(i));
		}
		json.append("]}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Write the error document of a bad request as UTF-8.
	 * @param message what is wrong
	 * @param parameter the parameter at fault
	 * @return the JSON document
	 */
	public static byte[] error(String message, String parameter) {
		StringBuilder json = new StringBuilder(96);
		json.append("{\"error\":");
		string(json, message);
		json.append(",\"parameter\":");
		string(json, parameter);
		json.append('}');
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	static void span(StringBuilder json, SpanRecord span) {
		json.append("{\"trace_id\":");
		string(json, span.traceId());
		json.append(",\"span_id\":");
		string(json, span.spanId());
		json.append(",\"parent_span_id\":");
		string(json, span.parentSpanId());
		json.append(",\"name\":");
		string(json, span.name());
		json.append(",\"kind\":");
		string(json, span.kind());
		json.append(",\"status\":");
		string(json, span.status());
		json.append(",\"service\":");
		string(json, span.service());
		json.append(",\"start_time\":\"");
		timestamp(json, span.startEpochNanos());
		json.append("\",\"duration_seconds\":");
		seconds(json, span.durationNanos());
		json.append(",\"attributes\":{");
		SpanAttributes attributes = span.attributes();
		for (int i = 0; i < attributes.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			string(json, attributes.key(i));
			json.append(':');
			value(json, attributes.value(i));
		}
		json.append("}}");
	}

	private static void value(StringBuilder json, Object value) {
		if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
			json.append(value);
		}
		else if (value instanceof Double number) {
			if (number.isNaN() || number.isInfinite()) {
				string(json, number.toString());
			}
			else {
				json.append(number.doubleValue());
			}
		}
		else {
			string(json, (value != null) ? value.toString() : null);
		}
	}

	/**
	 * Append a JSON string, or {@code null}.
	 * @param json where to write
	 * @param value the string
	 */
	static void string(StringBuilder json, String value) {
		if (value == null) {
			json.append("null");
			return;
		}
		json.append('"');
		int length = value.length();
		int from = 0;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c >= 0x20 && c != '"' && c != '\\' && c < 0x2028 && !Character.isSurrogate(c)) {
				continue;
			}
			if (c >= 0x2028 && c != 0x2028 && c != 0x2029 && !Character.isSurrogate(c)) {
				continue;
			}
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
				continue;
			}
			json.append(value, from, i);
			if (Character.isSurrogate(c)) {
				// A lone surrogate is not a character: strict parsers reject even its escape.
				json.append("\\ufffd");
			}
			else {
				escape(json, c);
			}
			from = i + 1;
		}
		json.append(value, from, length);
		json.append('"');
	}

	private static void escape(StringBuilder json, char c) {
		switch (c) {
			case '"' -> json.append("\\\"");
			case '\\' -> json.append("\\\\");
			case '\n' -> json.append("\\n");
			case '\r' -> json.append("\\r");
			case '\t' -> json.append("\\t");
			case '\b' -> json.append("\\b");
			case '\f' -> json.append("\\f");
			default -> json.append("\\u")
				.append(HEX[(c >> 12) & 0xF])
				.append(HEX[(c >> 8) & 0xF])
				.append(HEX[(c >> 4) & 0xF])
				.append(HEX[c & 0xF]);
		}
	}

	/**
	 * Append an ISO-8601 UTC timestamp with microseconds, e.g.
	 * {@code 2026-11-28T03:14:15.123456Z}.
	 * @param json where to write
	 * @param epochNanos nanoseconds since the epoch
	 */
	static void timestamp(StringBuilder json, long epochNanos) {
		long epochSecond = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
		int micros = (int) (Math.floorMod(epochNanos, NANOS_PER_SECOND) / 1000);
		long epochDay = Math.floorDiv(epochSecond, 86_400L);
		int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
		// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm), no allocation.
		long z = epochDay + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long dayOfEra = z - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long mp = (5 * dayOfYear + 2) / 153;
		int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
		int month = (int) (mp < 10 ? mp + 3 : mp - 9);
		long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
		pad(json, year, 4);
		json.append('-');
		pad(json, month, 2);
		json.append('-');
		pad(json, day, 2);
		json.append('T');
		pad(json, secondOfDay / 3600, 2);
		json.append(':');
		pad(json, (secondOfDay / 60) % 60, 2);
		json.append(':');
		pad(json, secondOfDay % 60, 2);
		json.append('.');
		pad(json, micros, 6);
		json.append('Z');
	}

	private static void pad(StringBuilder json, long value, int width) {
		long limit = 1;
		for (int i = 1; i < width; i++) {
			limit *= 10;
		}
		while (value < limit && limit > 1) {
			json.append('0');
			limit /= 10;
		}
		json.append(value);
	}

	/**
	 * Append nanoseconds as a decimal number of seconds without exponent and without
	 * trailing zeros, e.g. {@code 0.00213}.
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
		pad(json, fraction, digits);
	}

}
