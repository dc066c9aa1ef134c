package dev.aisd.observability.tracing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.aisd.observability.endpoint.internal.EndpointJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpanJsonWriter}.
 */
class SpanJsonWriterTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void tracesWhenSpanThenContractFields() {
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put("http.request.method", "GET");
		attributes.put("url.path", "/items/{id}");
		attributes.put("http.response.status_code", 200L);
		SpanRecord span = new SpanRecord("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null,
				"http GET /items/{id}", "server", "ok", "sample-service",
				Instant.parse("2026-11-28T03:14:15.123456789Z").getEpochSecond() * 1_000_000_000L + 123_456_789L,
				2_130_000L, SpanAttributes.of(attributes));
		String text = new String(SpanJsonWriter.traces(List.of(span)), StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("{\"traces\":[{\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\","
				+ "\"span_id\":\"b7ad6b7169203331\",\"parent_span_id\":null,\"name\":\"http GET /items/{id}\","
				+ "\"kind\":\"server\",\"status\":\"ok\",\"service\":\"sample-service\","
				+ "\"start_time\":\"2026-11-28T03:14:15.123456Z\",\"duration_seconds\":0.00213,"
				+ "\"attributes\":{\"http.request.method\":\"GET\",\"url.path\":\"/items/{id}\","
				+ "\"http.response.status_code\":200}}]}");
	}

	@Test
	void tracesWhenNoSpansThenEmptyList() {
		assertThat(new String(SpanJsonWriter.traces(List.of()), StandardCharsets.UTF_8)).isEqualTo("{\"traces\":[]}");
	}

	@Test
	void tracesWhenHostileStringsThenValidJsonRoundTrip() {
		String hostile = "quote\" backslash\\ newline\n cr\r tab\t nul\u0000 bell\u0007 del\u007f ls\u2028 ps\u2029 "
				+ "emoji\uD83D\uDE00 lone\uD800 low\uDC00 </script> \u00e9";
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(hostile, hostile);
		attributes.put("nan", Double.NaN);
		attributes.put("inf", Double.POSITIVE_INFINITY);
		attributes.put("num", 1.5e-7);
		attributes.put("bool", false);
		SpanRecord span = new SpanRecord("t", "s", "p", hostile, "internal", "error", hostile, 0, 1,
				SpanAttributes.of(attributes));
		byte[] bytes = SpanJsonWriter.traces(List.of(span));
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).doesNotContain("\n").doesNotContain("\u2028").doesNotContain("\u2029");
		JsonNode node = json.readTree(bytes).get("traces").get(0);
		String expected = hostile.replace("\uD800", "\uFFFD").replace("\uDC00", "\uFFFD");
		assertThat(node.get("name").asString()).isEqualTo(expected);
		assertThat(node.get("service").asString()).isEqualTo(expected);
		assertThat(node.get("attributes").get(expected).asString()).isEqualTo(expected);
		assertThat(node.get("parent_span_id").asString()).isEqualTo("p");
		assertThat(node.get("attributes").get("nan").asString()).isEqualTo("NaN");
		assertThat(node.get("attributes").get("inf").asString()).isEqualTo("Infinity");
		assertThat(node.get("attributes").get("num").asDouble()).isEqualTo(1.5e-7);
		assertThat(node.get("attributes").get("bool").asBoolean()).isFalse();
		assertThat(node.get("start_time").asString()).isEqualTo("1970-01-01T00:00:00.000000Z");
		assertThat(node.get("duration_seconds").asDouble()).isEqualTo(1e-9);
	}

	@Test
	void tracesWhenManyInstantsAndDurationsThenSameTextAsReferenceFormatting() {
		for (long day = -800; day < 40_000; day += 97) {
			long start = day * 86_400_000_000_000L + 45_296_789_012_345L;
			long duration = Math.abs(day) * 7_919L;
			SpanRecord span = new SpanRecord("t", "s", null, "n", "internal", "ok", "svc", start, duration,
					SpanAttributes.EMPTY);
			JsonNode node = json.readTree(SpanJsonWriter.traces(List.of(span))).get("traces").get(0);
			assertThat(node.get("start_time").asString()).isEqualTo(EndpointJson.timestampMicros(start));
			assertThat(node.get("duration_seconds").decimalValue())
				.isEqualByComparingTo(new java.math.BigDecimal(seconds(duration)));
		}
	}

	@Test
	void secondsWhenDurationsThenPlainDecimal() {
		assertThat(seconds(0)).isEqualTo("0.0");
		assertThat(seconds(1)).isEqualTo("0.000000001");
		assertThat(seconds(2_130_000)).isEqualTo("0.00213");
		assertThat(seconds(1_500_000_000)).isEqualTo("1.5");
		assertThat(seconds(3_000_000_000L)).isEqualTo("3.0");
		assertThat(seconds(123_456_789_012L)).isEqualTo("123.456789012");
	}

	@Test
	void errorWhenMessageThenJsonObject() {
		assertThat(new String(SpanJsonWriter.error("limit must be an integer", "limit"), StandardCharsets.UTF_8))
			.isEqualTo("{\"error\":\"limit must be an integer\",\"parameter\":\"limit\"}");
	}

	private static String seconds(long nanos) {
		StringBuilder out = new StringBuilder();
		SpanJsonWriter.seconds(out, nanos);
		return out.toString();
	}

}
