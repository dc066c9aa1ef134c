package dev.aisd.observability.endpoint.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EndpointJson}: the rules every endpoint document follows.
 */
class EndpointJsonTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void stringWhenHostileCharactersThenEscapedAndParsesBack() {
		String hostile = "a\"b\\c\nd\re\tf\u0000g\u0007h\u001fi\u007fj\u2028k\u2029l\u00e9m</script>n\uD83D\uDE00";
		String text = document((generator) -> EndpointJson.string(generator, hostile));
		assertThat(text).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0000")
			.doesNotContain("\u2028").doesNotContain("\u2029")
			.contains("\\u2028", "\\u2029", "\\u0007", "\\u001f");
		assertThat(json.readTree(text).asString()).isEqualTo(hostile);
	}

	@Test
	void stringWhenLoneSurrogatesThenReplacementCharacter() {
		String text = document((generator) -> {
			generator.writeStartObject();
			EndpointJson.name(generator, "key\uDC00");
			EndpointJson.string(generator, "high\uD800 low\uDC00 end\uD800");
			EndpointJson.stringProperty(generator, "pair", "\uD83D\uDE00");
			generator.writeEndObject();
		});
		assertThat(text).doesNotContainIgnoringCase("\\ud800").doesNotContainIgnoringCase("\\udc00");
		JsonNode node = json.readTree(text);
		assertThat(node.get("key\uFFFD").asString()).isEqualTo("high\uFFFD low\uFFFD end\uFFFD");
		assertThat(node.get("pair").asString()).isEqualTo("\uD83D\uDE00");
	}

	@Test
	void wellFormedWhenNoLoneSurrogateThenSameInstance() {
		String text = "plain \u00e9 \uD83D\uDE00";
		assertThat(EndpointJson.wellFormed(text)).isSameAs(text);
		assertThat(EndpointJson.wellFormed(null)).isNull();
	}

	@Test
	void stringWhenNullThenJsonNull() {
		assertThat(document((generator) -> EndpointJson.string(generator, null))).isEqualTo("null");
	}

	@Test
	void numberOrNullWhenNullNanOrInfiniteThenNull() {
		assertThat(document((generator) -> EndpointJson.numberOrNull(generator, (Double) null))).isEqualTo("null");
		assertThat(document((generator) -> EndpointJson.numberOrNull(generator, Double.NaN))).isEqualTo("null");
		assertThat(document((generator) -> EndpointJson.numberOrNull(generator, Double.POSITIVE_INFINITY)))
			.isEqualTo("null");
		assertThat(document((generator) -> EndpointJson.numberOrNull(generator, (Long) null))).isEqualTo("null");
	}

	@Test
	void numberOrNullWhenFiniteThenJsonNumber() {
		assertThat(document((generator) -> EndpointJson.numberOrNull(generator, 85.0))).isEqualTo("85.0");
		assertThat(document((generator) -> EndpointJson.numberOrNull(generator, 0.25))).isEqualTo("0.25");
		assertThat(document((generator) -> EndpointJson.numberOrNull(generator, 42L))).isEqualTo("42");
		assertThat(json.readTree(document((generator) -> EndpointJson.numberOrNull(generator, 1.0E-7))).asDouble())
			.isEqualTo(1.0E-7);
	}

	@Test
	void timestampSecondsWhenFractionThenTruncatedToTheSecond() {
		assertThat(EndpointJson.timestampSeconds(Instant.parse("2026-01-02T03:04:05.999Z")))
			.isEqualTo("2026-01-02T03:04:05Z");
		assertThat(EndpointJson.timestampSeconds(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
		assertThat(document((generator) -> EndpointJson.timestampSeconds(generator, null))).isEqualTo("null");
	}

	@Test
	void timestampMicrosWhenManyInstantsThenMatchesJavaTime() {
		long[] samples = { 0L, 1L, 86_399_999_999_999L, 951_782_400_000_000_000L /* 2000-02-29 */,
				4_107_542_399_999_999_000L /* 2100-02-28T23:59:59.999999 */, 1_709_164_800_123_456_000L,
				-1L, -86_400_000_000_001L };
		for (long nanos : samples) {
			String out = EndpointJson.timestampMicros(nanos);
			Instant instant = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
					Math.floorMod(nanos, 1_000_000_000L));
			assertThat(Instant.parse(out)).as("%d -> %s", nanos, out).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
			assertThat(out).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
		}
		for (long day = -1000; day < 30_000; day += 37) {
			long nanos = day * 86_400_000_000_000L + 3_723_000_001_000L;
			assertThat(Instant.parse(EndpointJson.timestampMicros(nanos)))
				.isEqualTo(Instant.ofEpochSecond(day * 86_400L + 3723, 1_000));
		}
		assertThat(EndpointJson.timestampMicros(1_764_299_655_123_456_789L)).isEqualTo("2025-11-28T03:14:15.123456Z");
	}

	private static String document(Consumer<JsonGenerator> body) {
		return new String(EndpointJson.write(64, body), StandardCharsets.UTF_8);
	}

}
