package dev.aisd.observability.endpoint.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.function.Consumer;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * The one way the endpoints write JSON: Jackson's streaming {@link JsonGenerator} on a
 * private factory, so a document is the same whatever the application configured on its
 * own mapper (naming strategy, null inclusion, indentation), plus the few rules Jackson
 * leaves open, decided once here:
 * <ul>
 * <li>a lone surrogate (half of a pair without its other half) is written as U+FFFD: it
 * is not a character, and strict parsers reject even its {@code \}{@code u} escape;</li>
 * <li>U+2028 and U+2029 are escaped, so a document can be embedded in a script;</li>
 * <li>escapes use lower-case hex, as the documents always did;</li>
 * <li>timestamps are ISO-8601 in UTC with a fixed number of fraction digits.</li>
 * </ul>
 */
public final class EndpointJson {

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
		.characterEscapes(new LineSeparatorEscapes())
		.build();

	private static final DateTimeFormatter SECONDS = new DateTimeFormatterBuilder().appendInstant(0).toFormatter();

	private static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

	private EndpointJson() {
	}

	/**
	 * Write one document.
	 * @param sizeHint the expected size in bytes
	 * @param body what writes the document's single value
	 * @return the document in UTF-8
	 */
	public static byte[] write(int sizeHint, Consumer<JsonGenerator> body) {
		ByteArrayBuilder out = new ByteArrayBuilder(sizeHint);
		try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			body.accept(json);
		}
		return out.toByteArray();
	}

	/**
	 * Write a string value, or {@code null}.
	 * @param json the generator
	 * @param value the value
	 */
	public static void string(JsonGenerator json, String value) {
		json.writeString(wellFormed(value));
	}

	/**
	 * Write a property whose value is a string, or {@code null}.
	 * @param json the generator
	 * @param name the property name, written as is when it is a constant
	 * @param value the value
	 */
	public static void stringProperty(JsonGenerator json, String name, String value) {
		json.writeName(name);
		json.writeString(wellFormed(value));
	}

	/**
	 * Write a property name that comes from data (a map key, an attribute key).
	 * @param json the generator
	 * @param name the name
	 */
	public static void name(JsonGenerator json, String name) {
		json.writeName(wellFormed(name));
	}

	/**
	 * Write a decimal number, or {@code null} when there is none: JSON has no NaN or
	 * infinity, and a document that does not parse would break every reader.
	 * @param json the generator
	 * @param value the value
	 */
	public static void numberOrNull(JsonGenerator json, Double value) {
		if (value == null || !Double.isFinite(value)) {
			json.writeNull();
		}
		else {
			json.writeNumber(value.doubleValue());
		}
	}

	/**
	 * Write an integral number, or {@code null}.
	 * @param json the generator
	 * @param value the value
	 */
	public static void numberOrNull(JsonGenerator json, Long value) {
		if (value == null) {
			json.writeNull();
		}
		else {
			json.writeNumber(value.longValue());
		}
	}

	/**
	 * Write an integral number, or {@code null}.
	 * @param json the generator
	 * @param value the value
	 */
	public static void numberOrNull(JsonGenerator json, Integer value) {
		numberOrNull(json, (value != null) ? Long.valueOf(value) : null);
	}

	/**
	 * Write a timestamp to the second, e.g. {@code 2024-04-12T15:04:05Z}, or {@code null}.
	 * @param json the generator
	 * @param instant the time
	 */
	public static void timestampSeconds(JsonGenerator json, Instant instant) {
		json.writeString((instant != null) ? SECONDS.format(instant) : null);
	}

	/**
	 * Write a timestamp to the microsecond, e.g. {@code 2026-11-28T03:14:15.123456Z}.
	 * @param json the generator
	 * @param epochNanos nanoseconds since the epoch
	 */
	public static void timestampMicros(JsonGenerator json, long epochNanos) {
		json.writeString(timestampMicros(epochNanos));
	}

	/**
	 * Format a timestamp to the second.
	 * @param instant the time
	 * @return the text, e.g. {@code 2024-04-12T15:04:05Z}
	 */
	public static String timestampSeconds(Instant instant) {
		return SECONDS.format(instant);
	}

	/**
	 * Format a timestamp to the microsecond.
	 * @param epochNanos nanoseconds since the epoch
	 * @return the text, e.g. {@code 2026-11-28T03:14:15.123456Z}
	 */
	public static String timestampMicros(long epochNanos) {
		return MICROS.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
				Math.floorMod(epochNanos, 1_000_000_000L)));
	}

	/**
	 * The text with every lone surrogate replaced by U+FFFD; the same instance when there
	 * is none, which is the common case.
	 * @param value the text, or {@code null}
	 * @return well-formed UTF-16 text, or {@code null}
	 */
	static String wellFormed(String value) {
		if (value == null) {
			return null;
		}
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
				}
				else {
					return replaceLoneSurrogates(value, i);
				}
			}
		}
		return value;
	}

	private static String replaceLoneSurrogates(String value, int from) {
		StringBuilder result = new StringBuilder(value.length()).append(value, 0, from);
		int length = value.length();
		for (int i = from; i < length; i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
				result.append(c).append(value.charAt(++i));
			}
			else {
				result.append(Character.isSurrogate(c) ? '\uFFFD' : c);
			}
		}
		return result.toString();
	}

	/**
	 * Jackson's standard escapes, plus U+2028 and U+2029, which are valid in JSON strings
	 * but end a line in JavaScript. Jackson asks for non-ASCII characters only on its slow
	 * path, so plain ASCII strings keep its fast copy.
	 */
	private static final class LineSeparatorEscapes extends CharacterEscapes {

		private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

		private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");

		private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

		@Override
		public int[] getEscapeCodesForAscii() {
			return ASCII;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			return switch (ch) {
				case 0x2028 -> LINE_SEPARATOR;
				case 0x2029 -> PARAGRAPH_SEPARATOR;
				default -> null;
			};
		}

	}

}
