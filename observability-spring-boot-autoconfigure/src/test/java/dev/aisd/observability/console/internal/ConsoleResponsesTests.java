package dev.aisd.observability.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.SecurityContext;

import dev.aisd.observability.endpoint.EndpointCall;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.health.HealthStatus;
import dev.aisd.observability.health.internal.CheckOutcome;
import dev.aisd.observability.health.internal.CheckSettings;
import dev.aisd.observability.health.internal.HealthTransitionHistory;
import dev.aisd.observability.tracing.internal.SpanAttributes;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleResponsesTests {

	private static final String XSS = "<img src=x onerror=alert(1)>";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SpanRingBuffer buffer = new SpanRingBuffer(64);

	private final HealthTransitionHistory history = new HealthTransitionHistory(5);

	private String service = "svc";

	private final ConsoleResponses responses = new ConsoleResponses(new ConsoleResponses.Sources(
			() -> CompletableFuture.completedFuture(new ConsolePage.Summary(this.service, "1.2.3",
					Duration.ofSeconds(3725), "degraded", 3, "elevated", "2026-12-01T00:00:00Z")),
			() -> Map.of("console-path", "/observability", "traces-path", "/observability/traces"), this.buffer,
			null, this.history, null), ConsoleAssets.load(getClass().getClassLoader()));

	@Test
	void pageWhenRequestedThenServerRenderedSummary() {
		EndpointResponse response = get(Map.of(), Map.of());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(response.bodyText()).contains("<h1 id=\"service\">svc</h1>")
			.contains(">1.2.3<")
			.contains(">1h 2m 5s<")
			.contains("<span class=\"status status-degraded\">degraded</span>")
			.contains("3 / 5 elevated")
			.contains("data-traces-path=\"/observability/traces\"")
			.contains("<script src=\"?asset=console.js\"></script>")
			.doesNotContain("<script>")
			.doesNotContain("style=");
	}

	@Test
	void pageWhenHostileServiceNameThenEscaped() {
		this.service = XSS + "\"&'";
		String html = get(Map.of(), Map.of()).bodyText();
		assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;");
	}

	@Test
	void everyAnswerWhenServedThenStrictContentSecurityPolicyAndNoSniff() {
		for (Map<String, String> query : List.of(Map.<String, String>of(), Map.of("asset", "console.js"),
				Map.of("asset", "nope"), Map.of("data", "latency"), Map.of("data", "bogus"))) {
			EndpointResponse response = get(query, Map.of());
			assertThat(response.headers()).as("%s", query)
				.containsEntry("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
				.containsEntry("X-Content-Type-Options", "nosniff");
		}
	}

	@Test
	void assetWhenKnownThenContentTypeAndEtag() {
		EndpointResponse js = get(Map.of("asset", "console.js"), Map.of());
		assertThat(js.status()).isEqualTo(200);
		assertThat(js.contentType()).isEqualTo("text/javascript;charset=UTF-8");
		assertThat(js.headers().get("ETag")).matches("\"[0-9a-f]{32}\"");
		EndpointResponse again = get(Map.of("asset", "console.js"), Map.of("If-None-Match", js.headers().get("ETag")));
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(get(Map.of("asset", "console.css"), Map.of()).contentType()).isEqualTo("text/css;charset=UTF-8");
	}

	@Test
	void assetWhenUnknownThenNotFound() {
		EndpointResponse response = get(Map.of("asset", "../../application.properties"), Map.of());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).isEqualTo(EndpointResponse.APPLICATION_JSON);
	}

	@Test
	void dataWhenUnknownThenBadRequestWithJsonError() {
		EndpointResponse response = get(Map.of("data", "everything"), Map.of());
		assertThat(response.status()).isEqualTo(400);
		assertThat(json(response).path("error").asString()).contains("data must be one of");
	}

	@Test
	void latencyWhenSpansThenCountsPerBucket() {
		this.buffer.record(span("a", "ok", 50_000));
		this.buffer.record(span(XSS, "error", 2_000_000_000L));
		JsonNode json = json(get(Map.of("data", "latency"), Map.of()));
		assertThat(json.path("recorded").asLong()).isEqualTo(2);
		assertThat(json.path("buckets")).hasSize(9);
		assertThat(json.path("spans").get(0).path("name").asString()).isEqualTo(XSS);
		assertThat(json.path("spans").get(0).path("counts").get(6).asLong()).isEqualTo(1);
		assertThat(json.path("spans").get(0).path("errors").asLong()).isEqualTo(1);
		assertThat(json.path("spans").get(1).path("counts").get(1).asLong()).isEqualTo(1);
	}

	@Test
	void latencyWhenNameHasLoneSurrogateThenReplacedAsInEveryEndpointDocument() {
		this.buffer.record(span("half \uD800 pair", "ok", 50_000));
		EndpointResponse response = get(Map.of("data", "latency"), Map.of());
		assertThat(response.status()).isEqualTo(200);
		assertThat(json(response).path("spans").get(0).path("name").asString()).isEqualTo("half \uFFFD pair");
	}

	@Test
	void latencyWhenNothingRecordedSinceTheTagThenNotModified() {
		this.buffer.record(span("a", "ok", 50_000));
		EndpointResponse first = get(Map.of("data", "latency"), Map.of());
		String etag = first.headers().get("ETag");
		assertThat(get(Map.of("data", "latency"), Map.of("If-None-Match", etag)).status()).isEqualTo(304);
		assertThat(get(Map.of("data", "latency"), Map.of("If-None-Match", "W/" + etag)).status()).isEqualTo(304);
		this.buffer.record(span("a", "ok", 50_000));
		EndpointResponse changed = get(Map.of("data", "latency"), Map.of("If-None-Match", etag));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.headers().get("ETag")).isNotEqualTo(etag);
	}

	@Test
	void spansWhenCellThenOnlyThatNameAndBucket() {
		this.buffer.record(span("a", "ok", 50_000));
		this.buffer.record(span("a", "ok", 5_000_000));
		this.buffer.record(span("b", "ok", 50_000));
		JsonNode json = json(get(Map.of("data", "spans", "name", "a", "bucket", "1"), Map.of()));
		assertThat(json.path("traces")).singleElement()
			.satisfies((span) -> assertThat(span.path("duration_seconds").asDouble()).isEqualTo(0.00005));
	}

	@Test
	void spansWhenBucketNotANumberThenBadRequest() {
		assertThat(get(Map.of("data", "spans", "name", "a", "bucket", "9"), Map.of()).status()).isEqualTo(400);
		assertThat(get(Map.of("data", "spans", "name", "a", "bucket", "x"), Map.of()).status()).isEqualTo(400);
		assertThat(get(Map.of("data", "spans"), Map.of()).status()).isEqualTo(400);
	}

	@Test
	void healthHistoryWhenTransitionsThenListedAndTaggedByVersion() {
		CheckSettings db = new CheckSettings("db", true, Duration.ofSeconds(1), null, 1, 1);
		this.history.registered(db);
		this.history.finished(db, new CheckOutcome(HealthStatus.OK, HealthStatus.OK, Map.of(), 3,
				Instant.parse("2026-12-01T00:00:00Z"), null));
		this.history.finished(db, new CheckOutcome(HealthStatus.ERROR, HealthStatus.ERROR, Map.of(), 4,
				Instant.parse("2026-12-01T00:00:05Z"), null));
		EndpointResponse response = get(Map.of("data", "health-history"), Map.of());
		JsonNode db0 = json(response).path("checks").path("db");
		assertThat(db0).hasSize(2);
		assertThat(db0.get(0).path("from").isNull()).isTrue();
		assertThat(db0.get(1).path("from").asString()).isEqualTo("ok");
		assertThat(db0.get(1).path("to").asString()).isEqualTo("error");
		assertThat(db0.get(1).path("at").asString()).isEqualTo("2026-12-01T00:00:05Z");
		assertThat(get(Map.of("data", "health-history"), Map.of("If-None-Match", response.headers().get("ETag")))
			.status()).isEqualTo(304);
	}

	@Test
	void pollWhenAskedThenEveryViewOfATickInOneDocument() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
		ConsoleResponses withRoutes = withRoutes(registry);
		this.buffer.record(span("a", "ok", 50_000));
		recordRequest(registry, "/items/{id}");
		CheckSettings db = new CheckSettings("db", true, Duration.ofSeconds(1), null, 1, 1);
		this.history.registered(db);
		this.history.finished(db, new CheckOutcome(HealthStatus.OK, HealthStatus.OK, Map.of(), 3,
				Instant.parse("2026-12-01T00:00:00Z"), null));
		EndpointResponse response = withRoutes.handle(call(Map.of("data", "poll"), Map.of())).toCompletableFuture().join();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo(EndpointResponse.APPLICATION_JSON);
		assertThat(response.headers()).containsKey("ETag").containsEntry("Content-Security-Policy",
				ConsoleResponses.CONTENT_SECURITY_POLICY);
		JsonNode json = json(response);
		assertThat(json.path("latency")).isEqualTo(json(get(Map.of("data", "latency"), Map.of())));
		assertThat(json.path("health_history")).isEqualTo(json(get(Map.of("data", "health-history"), Map.of())));
		assertThat(json.path("routes").path("routes")).singleElement()
			.satisfies((route) -> assertThat(route.path("route").asString()).isEqualTo("/items/{id}"));
	}

	@Test
	void pollWhenNoViewChangedThenNotModifiedAndWhenAnyChangedThenNewTag() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
		ConsoleResponses withRoutes = withRoutes(registry);
		CheckSettings db = new CheckSettings("db", true, Duration.ofSeconds(1), null, 1, 1);
		this.history.registered(db);
		String etag = pollTag(withRoutes, null);
		assertThat(poll(withRoutes, etag).status()).isEqualTo(304);
		assertThat(poll(withRoutes, etag).body()).isEmpty();
		this.buffer.record(span("a", "ok", 50_000));
		String afterSpan = pollTag(withRoutes, etag);
		this.history.finished(db, new CheckOutcome(HealthStatus.ERROR, HealthStatus.ERROR, Map.of(), 4,
				Instant.parse("2026-12-01T00:00:05Z"), null));
		String afterTransition = pollTag(withRoutes, afterSpan);
		recordRequest(registry, "/items");
		String afterRequest = pollTag(withRoutes, afterTransition);
		assertThat(poll(withRoutes, afterRequest).status()).isEqualTo(304);
	}

	@Test
	void pollWhenFeaturesOffThenNullViewsAndStillTagged() {
		ConsoleResponses bare = new ConsoleResponses(new ConsoleResponses.Sources(
				() -> CompletableFuture.completedFuture(null), Map::of, null, null, null, null),
				ConsoleAssets.load(getClass().getClassLoader()));
		EndpointResponse response = poll(bare, null);
		assertThat(response.status()).isEqualTo(200);
		JsonNode json = json(response);
		assertThat(json.path("latency").isNull()).isTrue();
		assertThat(json.path("health_history").isNull()).isTrue();
		assertThat(json.path("routes").isNull()).isTrue();
		assertThat(poll(bare, response.headers().get("ETag")).status()).isEqualTo(304);
	}

	private ConsoleResponses withRoutes(SimpleMeterRegistry registry) {
		return new ConsoleResponses(new ConsoleResponses.Sources(() -> CompletableFuture.completedFuture(null),
				Map::of, this.buffer, null, this.history,
				new RouteRedSummary(registry, Duration.ofMinutes(1).toNanos(), Duration.ofSeconds(2).toNanos())),
				ConsoleAssets.load(getClass().getClassLoader()));
	}

	/** Polls with the previous tag, expects a new document and returns its tag. */
	private static String pollTag(ConsoleResponses responses, String previous) {
		EndpointResponse response = poll(responses, previous);
		assertThat(response.status()).isEqualTo(200);
		String etag = response.headers().get("ETag");
		assertThat(etag).isNotNull().isNotEqualTo(previous);
		return etag;
	}

	private static EndpointResponse poll(ConsoleResponses responses, String etag) {
		return responses
			.handle(call(Map.of("data", "poll"), (etag != null) ? Map.of("If-None-Match", etag) : Map.of()))
			.toCompletableFuture()
			.join();
	}

	private static void recordRequest(SimpleMeterRegistry registry, String route) {
		Counter.builder("http.requests")
			.tags("method", "GET", "endpoint", route, "status_code", "200")
			.register(registry)
			.increment();
		Timer.builder("http.request.duration")
			.tags("method", "GET", "endpoint", route)
			.serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(10))
			.register(registry)
			.record(Duration.ofMillis(3));
	}

	@Test
	void dataWhenFeatureOffThenNotFound() {
		ConsoleResponses bare = new ConsoleResponses(new ConsoleResponses.Sources(
				() -> CompletableFuture.completedFuture(null), Map::of, null, null, null, null),
				ConsoleAssets.load(getClass().getClassLoader()));
		for (String data : List.of("latency", "spans", "health-history", "routes")) {
			EndpointResponse response = bare.handle(call(Map.of("data", data, "name", "a"), Map.of()))
				.toCompletableFuture()
				.join();
			assertThat(response.status()).as(data).isEqualTo(404);
		}
	}

	@Test
	void matchesWhenListOrStarThenTrue() {
		assertThat(ConsoleResponses.matches(List.of("\"a\", \"b\""), "\"b\"")).isTrue();
		assertThat(ConsoleResponses.matches(List.of("*"), "\"b\"")).isTrue();
		assertThat(ConsoleResponses.matches(List.of("\"a\""), "\"b\"")).isFalse();
		assertThat(ConsoleResponses.matches(List.of(), "\"b\"")).isFalse();
	}

	private EndpointResponse get(Map<String, String> query, Map<String, String> headers) {
		return this.responses.handle(call(query, headers)).toCompletableFuture().join();
	}

	private static JsonNode json(EndpointResponse response) {
		return JSON.readTree(response.body());
	}

	private static int sequence;

	private static SpanRecord span(String name, String status, long durationNanos) {
		sequence++;
		return new SpanRecord("0af7651916cd43dd8448eb211c80319c", String.format("%016x", sequence), null, name,
				"internal", status, "svc", 1_700_000_000_000_000_000L, durationNanos, SpanAttributes.of(Map.of()));
	}

	private static EndpointCall call(Map<String, String> query, Map<String, String> headers) {
		Map<String, String> lowerCaseHeaders = new HashMap<>();
		headers.forEach((name, value) -> lowerCaseHeaders.put(name.toLowerCase(java.util.Locale.ROOT), value));
		Map<String, String> parameters = new LinkedHashMap<>(query);
		return new EndpointCall() {

			@Override
			public String parameter(String name) {
				return parameters.get(name);
			}

			@Override
			public List<String> headers(String name) {
				String value = lowerCaseHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
				return (value != null) ? List.of(value) : List.of();
			}

			@Override
			public SecurityContext securityContext() {
				return SecurityContext.NONE;
			}

		};
	}

}
