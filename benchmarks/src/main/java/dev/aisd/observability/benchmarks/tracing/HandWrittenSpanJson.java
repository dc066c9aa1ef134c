package dev.aisd.observability.benchmarks.tracing;

import java.util.Arrays;
import java.util.List;

import dev.aisd.observability.tracing.internal.SpanAttributes;
import dev.aisd.observability.tracing.internal.SpanRecord;

/**
 * The baseline of {@link SpanJsonBenchmark}: the hand-written span writer the starter used
 * before it wrote every endpoint document with Jackson's streaming generator, kept here
 * only so the two can be measured side by side. It encodes UTF-8 directly into one byte
 * array.
 */
final class HandWrittenSpanJson {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private HandWrittenSpanJson() {
	}

	static byte[] traces(List<SpanRecord> spans) {
		Utf8 json = new Utf8(64 + spans.size() * 640);
		json.ascii("{\"traces\":[");
		StringBuilder scratch = new StringBuilder(40);
		for (int i = 0; i < spans.size(); i++) {
			if (i > 0) {
				json.ascii(',');
			}
			span(json, spans.get(i), scratch);
		}
		json.ascii("]}");
		return json.toByteArray();
	}

	private static void span(Utf8 json, SpanRecord span, StringBuilder scratch) {
		json.ascii("{\"trace_id\":");
		json.string(span.traceId());
		json.ascii(",\"span_id\":");
		json.string(span.spanId());
		json.ascii(",\"parent_span_id\":");
		json.string(span.parentSpanId());
		json.ascii(",\"name\":");
		json.string(span.name());
		json.ascii(",\"kind\":");
		json.string(span.kind());
		json.ascii(",\"status\":");
		json.string(span.status());
		json.ascii(",\"service\":");
		json.string(span.service());
		json.ascii(",\"start_time\":\"");
		json.timestamp(span.startEpochNanos());
		json.ascii("\",\"duration_seconds\":");
		json.seconds(span.durationNanos());
		json.ascii(",\"attributes\":{");
		SpanAttributes attributes = span.attributes();
		for (int i = 0; i < attributes.size(); i++) {
			if (i > 0) {
				json.ascii(',');
			}
			json.string(attributes.key(i));
			json.ascii(':');
			value(json, attributes.value(i), scratch);
		}
		json.ascii('}');
		json.ascii('}');
	}

	private static void value(Utf8 json, Object value, StringBuilder scratch) {
		if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
			scratch.setLength(0);
			scratch.append(value);
			json.ascii(scratch);
		}
		else if (value instanceof Double number) {
			if (number.isNaN() || number.isInfinite()) {
				json.string(number.toString());
			}
			else {
				scratch.setLength(0);
				scratch.append(number.doubleValue());
				json.ascii(scratch);
			}
		}
		else {
			json.string((value != null) ? value.toString() : null);
		}
	}

	private static boolean needsEscape(char c) {
		return c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029;
	}

	/**
	 * A growable UTF-8 byte buffer that writes JSON strings with their escapes, so the
	 * document is encoded once instead of built as a String and encoded again.
	 */
	private static final class Utf8 {

		private byte[] bytes;

		private int size;

		Utf8(int capacity) {
			this.bytes = new byte[capacity];
		}

		private void ensure(int extra) {
			if (this.size + extra > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + extra));
			}
		}

		void ascii(char c) {
			ensure(1);
			this.bytes[this.size++] = (byte) c;
		}

		@SuppressWarnings("deprecation")
		void ascii(String text) {
			int length = text.length();
			ensure(length);
			text.getBytes(0, length, this.bytes, this.size);
			this.size += length;
		}

		void ascii(StringBuilder text) {
			int length = text.length();
			ensure(length);
			for (int i = 0; i < length; i++) {
				this.bytes[this.size++] = (byte) text.charAt(i);
			}
		}

		private static boolean isPlainAscii(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
					return false;
				}
			}
			return true;
		}

		@SuppressWarnings("deprecation")
		void string(String value) {
			if (value == null) {
				ascii("null");
				return;
			}
			if (isPlainAscii(value)) {
				// The common case (ids, names, routes): one bulk copy of the low bytes.
				int length = value.length();
				ensure(length + 2);
				this.bytes[this.size++] = '"';
				value.getBytes(0, length, this.bytes, this.size);
				this.size += length;
				this.bytes[this.size++] = '"';
				return;
			}
			int length = value.length();
			// Worst case: every char a 6-byte escape; the quotes on top.
			ensure(length * 6 + 2);
			byte[] out = this.bytes;
			int pos = this.size;
			out[pos++] = '"';
			for (int i = 0; i < length; i++) {
				char c = value.charAt(i);
				if (c < 0x80 && !needsEscape(c)) {
					out[pos++] = (byte) c;
				}
				else if (needsEscape(c)) {
					pos = escape(out, pos, c);
				}
				else if (c < 0x800) {
					out[pos++] = (byte) (0xC0 | (c >> 6));
					out[pos++] = (byte) (0x80 | (c & 0x3F));
				}
				else if (Character.isHighSurrogate(c) && i + 1 < length
						&& Character.isLowSurrogate(value.charAt(i + 1))) {
					int codePoint = Character.toCodePoint(c, value.charAt(++i));
					out[pos++] = (byte) (0xF0 | (codePoint >> 18));
					out[pos++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
					out[pos++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
					out[pos++] = (byte) (0x80 | (codePoint & 0x3F));
				}
				else {
					// A lone surrogate is not a character: strict parsers reject even its
					// escape, so it becomes U+FFFD.
					char encoded = Character.isSurrogate(c) ? '\uFFFD' : c;
					out[pos++] = (byte) (0xE0 | (encoded >> 12));
					out[pos++] = (byte) (0x80 | ((encoded >> 6) & 0x3F));
					out[pos++] = (byte) (0x80 | (encoded & 0x3F));
				}
			}
			out[pos++] = '"';
			this.size = pos;
		}

		private static int escape(byte[] out, int pos, char c) {
			out[pos++] = '\\';
			switch (c) {
				case '"' -> out[pos++] = '"';
				case '\\' -> out[pos++] = '\\';
				case '\n' -> out[pos++] = 'n';
				case '\r' -> out[pos++] = 'r';
				case '\t' -> out[pos++] = 't';
				case '\b' -> out[pos++] = 'b';
				case '\f' -> out[pos++] = 'f';
				default -> {
					out[pos++] = 'u';
					out[pos++] = (byte) HEX[(c >> 12) & 0xF];
					out[pos++] = (byte) HEX[(c >> 8) & 0xF];
					out[pos++] = (byte) HEX[(c >> 4) & 0xF];
					out[pos++] = (byte) HEX[c & 0xF];
				}
			}
			return pos;
		}

		/** Digits of a non-negative number, zero-padded to {@code width}. */
		void digits(long value, int width) {
			int count = 1;
			for (long rest = value / 10; rest > 0; rest /= 10) {
				count++;
			}
			int length = Math.max(count, width);
			ensure(length);
			int end = this.size + length;
			long rest = value;
			for (int i = end - 1; i >= this.size; i--) {
				this.bytes[i] = (byte) ('0' + (rest % 10));
				rest /= 10;
			}
			this.size = end;
		}

		/** Same text as {@link HandWrittenSpanJson#timestamp(StringBuilder, long)}, without a builder. */
		void timestamp(long epochNanos) {
			long epochSecond = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
			int micros = (int) (Math.floorMod(epochNanos, NANOS_PER_SECOND) / 1000);
			long epochDay = Math.floorDiv(epochSecond, 86_400L);
			int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
			long[] date = civil(epochDay);
			if (date[0] < 0 || date[0] > 9999) {
				StringBuilder text = new StringBuilder(32);
				HandWrittenSpanJson.timestamp(text, epochNanos);
				ascii(text);
				return;
			}
			digits(date[0], 4);
			ascii('-');
			digits(date[1], 2);
			ascii('-');
			digits(date[2], 2);
			ascii('T');
			digits(secondOfDay / 3600, 2);
			ascii(':');
			digits((secondOfDay / 60) % 60, 2);
			ascii(':');
			digits(secondOfDay % 60, 2);
			ascii('.');
			digits(micros, 6);
			ascii('Z');
		}

		/** Same text as {@link HandWrittenSpanJson#seconds(StringBuilder, long)}, without a builder. */
		void seconds(long nanos) {
			long whole = nanos / NANOS_PER_SECOND;
			long fraction = nanos % NANOS_PER_SECOND;
			if (nanos < 0) {
				StringBuilder text = new StringBuilder(24);
				HandWrittenSpanJson.seconds(text, nanos);
				ascii(text);
				return;
			}
			digits(whole, 1);
			if (fraction == 0) {
				ascii(".0");
				return;
			}
			int width = 9;
			while (fraction % 10 == 0) {
				fraction /= 10;
				width--;
			}
			ascii('.');
			digits(fraction, width);
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.bytes, this.size);
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
		long[] date = civil(epochDay);
		pad(json, date[0], 4);
		json.append('-');
		pad(json, date[1], 2);
		json.append('-');
		pad(json, date[2], 2);
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

	/**
	 * Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
	 * @param epochDay days since the epoch
	 * @return year, month, day
	 */
	private static long[] civil(long epochDay) {
		long z = epochDay + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long dayOfEra = z - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long mp = (5 * dayOfYear + 2) / 153;
		long day = dayOfYear - (153 * mp + 2) / 5 + 1;
		long month = (mp < 10) ? mp + 3 : mp - 9;
		long year = yearOfEra + era * 400 + ((month <= 2) ? 1 : 0);
		return new long[] { year, month, day };
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
