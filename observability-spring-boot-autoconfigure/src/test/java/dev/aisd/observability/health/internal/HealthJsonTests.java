package dev.aisd.observability.health.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.aisd.observability.health.HealthStatus;

import static org.assertj.core.api.Assertions.assertThat;

class HealthJsonTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final DetailSanitizer sanitizer = new DetailSanitizer(1024);

	@Test
	void reportWhenChecksThenPayloadOfTheContract() {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("cache_keys", 128);
		CheckReport redis = new CheckReport("redis", HealthStatus.OK, true, 3, detail, null, null, null);
		CheckReport geoip = new CheckReport("geoip", HealthStatus.ERROR, false, 2001,
				Map.of("error", "timeout after 2000 ms"), Instant.parse("2024-04-12T15:04:00.750Z"), false, null);
		HealthReport report = new HealthReport(HealthStatus.DEGRADED, Instant.parse("2024-04-12T15:04:05.123Z"),
				List.of(geoip, redis));
		Map<String, Object> parsed = parse(HealthJson.report(report, "ai-service"));
		assertThat(parsed).containsEntry("status", "degraded")
			.containsEntry("service", "ai-service")
			.containsEntry("timestamp", "2024-04-12T15:04:05Z");
		assertThat(map(parsed.get("checks"))).containsOnlyKeys("geoip", "redis");
		assertThat(HealthJson.report(report, "ai-service")).contains(
				"\"redis\":{\"status\":\"ok\",\"critical\":true,\"duration_ms\":3,\"detail\":{\"cache_keys\":128}}",
				"\"geoip\":{\"status\":\"error\",\"critical\":false,\"duration_ms\":2001,"
						+ "\"detail\":{\"error\":\"timeout after 2000 ms\"},\"last_run\":\"2024-04-12T15:04:00Z\","
						+ "\"stale\":false}");
	}

	@Test
	void reportWhenPendingThenPendingField() {
		CheckReport check = new CheckReport("db", HealthStatus.OK, true, 1, Map.of(), null, null,
				new Hysteresis.Pending(HealthStatus.ERROR, 1, 3));
		String body = HealthJson.report(new HealthReport(HealthStatus.OK, Instant.EPOCH, List.of(check)), "s");
		assertThat(body).contains("\"pending\":{\"status\":\"error\",\"count\":1,\"threshold\":3}");
	}

	@Test
	void reportWhenHostileStringsThenValidJson() {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("quote\"key", "line\nbreak\t\"quoted\" \\ \u0000 \u001f \ud800 lone surrogate, \ud83d\ude00 pair");
		detail.put("nan", Double.NaN);
		CheckReport check = new CheckReport("weird \"name\"", HealthStatus.OK, true, 1, this.sanitizer.sanitize(detail),
				null, null, null);
		String body = HealthJson.report(new HealthReport(HealthStatus.OK, Instant.EPOCH, List.of(check)),
				"svc\n\"x\"");
		Map<String, Object> parsed = parse(body);
		Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) parsed.get("checks")).get("weird \"name\"");
		Map<?, ?> parsedDetail = (Map<?, ?>) entry.get("detail");
		assertThat((String) parsedDetail.get("quote\"key")).startsWith("line\nbreak\t\"quoted\" \\ \u0000")
			.endsWith("\ud83d\ude00 pair");
		assertThat(parsedDetail.get("nan")).isEqualTo("NaN");
		assertThat(parsed.get("service")).isEqualTo("svc\n\"x\"");
	}

	@Test
	void sanitizeWhenHugeStringThenTruncated() {
		Map<String, Object> detail = this.sanitizer.sanitize(Map.of("big", "x".repeat(1_000_000)));
		assertThat((String) detail.get("big")).hasSize(1024 + "...(truncated)".length()).endsWith("...(truncated)");
	}

	@Test
	void sanitizeWhenSelfReferencingMapThenCycleMarker() {
		Map<String, Object> self = new HashMap<>();
		self.put("me", self);
		List<Object> list = new ArrayList<>();
		list.add(list);
		self.put("list", list);
		Map<String, Object> detail = this.sanitizer.sanitize(Map.of("self", self));
		String body = render(detail);
		assertThat(json.readValue(body, Map.class)).isNotNull();
		assertThat(body).contains("\"me\":\"(cycle)\"").contains("\"list\":[\"(cycle)\"]");
	}

	@Test
	void sanitizeWhenValueJacksonCannotSerializeThenString() {
		Map<String, Object> detail = this.sanitizer
			.sanitize(Map.of("getter", new ThrowingGetter(), "tostring", new ThrowingToString(), "array",
					new int[] { 1, 2 }, "deep", deep(20)));
		assertThat(detail.get("getter")).isEqualTo("ThrowingGetter");
		assertThat(detail.get("tostring")).isEqualTo("(unrenderable " + ThrowingToString.class.getName() + ")");
		assertThat(detail.get("array")).isEqualTo(List.of(1, 2));
		assertThat(render(detail)).contains("(too deep)");
		assertThat(json.readValue(render(detail), Map.class)).isNotNull();
	}

	@Test
	void sanitizeWhenManyEntriesThenBounded() {
		Map<String, Object> many = new LinkedHashMap<>();
		for (int i = 0; i < 10_000; i++) {
			many.put("k" + i, i);
		}
		Map<String, Object> detail = this.sanitizer.sanitize(many);
		assertThat(detail).hasSize(101).containsEntry("...", "9900 more entries");
	}

	@Test
	void liveWhenCalledThenStatusServiceTimestamp() {
		assertThat(HealthJson.live(HealthStatus.OK, "svc", Instant.parse("2026-01-02T03:04:05.999Z")))
			.isEqualTo("{\"status\":\"ok\",\"service\":\"svc\",\"timestamp\":\"2026-01-02T03:04:05Z\"}");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> parse(String body) {
		return json.readValue(body, Map.class);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static String render(Map<String, Object> detail) {
		CheckReport check = new CheckReport("c", HealthStatus.OK, true, 1, detail, null, null, null);
		return HealthJson.report(new HealthReport(HealthStatus.OK, Instant.EPOCH, List.of(check)), "s");
	}

	private static Map<String, Object> deep(int depth) {
		Map<String, Object> map = new HashMap<>();
		if (depth > 0) {
			map.put("d", deep(depth - 1));
		}
		return map;
	}

	static final class ThrowingGetter {

		public String getValue() {
			throw new IllegalStateException("getter fails");
		}

		@Override
		public String toString() {
			return "ThrowingGetter";
		}

	}

	static final class ThrowingToString {

		@Override
		public String toString() {
			throw new IllegalStateException("toString fails");
		}

	}

}
