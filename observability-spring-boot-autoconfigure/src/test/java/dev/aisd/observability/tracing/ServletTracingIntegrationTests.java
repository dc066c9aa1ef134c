package dev.aisd.observability.tracing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.endpoint.EndpointHttp;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.annotation.Observed;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of tracing on Spring MVC with the real Micrometer Tracing /
 * OpenTelemetry stack of Spring Boot.
 */
@SpringBootTest(classes = ServletTracingIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.schedule-delay=50ms",
				"management.observations.annotations.enabled=true", "management.otlp.metrics.export.enabled=false",
				"spring.application.name=tracing-test" })
class ServletTracingIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private Propagator propagator;

	@Autowired
	private InMemorySpanExporter exporter;

	@Autowired
	private MeterRegistry meterRegistry;

	@Test
	void requestWhenRouteMatchedThenServerSpanNamedAfterRouteTemplate() throws Exception {
		HttpResponse<String> response = get("/items/42", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode span = serverSpanOf("/items/{id}", traceIdOf(response));
		assertThat(span.get("name").asString()).isEqualTo("http GET /items/{id}");
		assertThat(span.get("kind").asString()).isEqualTo("server");
		assertThat(span.get("status").asString()).isEqualTo("ok");
		assertThat(span.get("service").asString()).isEqualTo("tracing-test");
		assertThat(span.get("parent_span_id").isNull()).isTrue();
		assertThat(span.get("start_time").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
		assertThat(span.get("duration_seconds").isNumber()).isTrue();
		JsonNode attributes = span.get("attributes");
		assertThat(attributes.get("http.request.method").asString()).isEqualTo("GET");
		assertThat(attributes.get("http.route").asString()).isEqualTo("/items/{id}");
		assertThat(attributes.get("url.path").asString()).isEqualTo("/items/42");
		assertThat(attributes.get("http.response.status_code").isIntegralNumber()).isTrue();
		assertThat(attributes.get("http.response.status_code").asInt()).isEqualTo(200);
		assertThat(attributes.has("http.url")).isFalse();
		// OpenTelemetry HTTP semantic conventions only: no Micrometer duplicates.
		assertThat(attributes.propertyNames()).containsExactlyInAnyOrder("http.request.method", "http.route",
				"url.path", "http.response.status_code");
	}

	@Test
	void requestWhenNoRouteMatchedThenSharedNameWithoutRawPath() throws Exception {
		String first = "1af7651916cd43dd8448eb211c80319c";
		String second = "2af7651916cd43dd8448eb211c80319c";
		assertThat(get("/nothing/here/abc", Map.of("traceparent", "00-" + first + "-b7ad6b7169203331-01"))
			.statusCode()).isEqualTo(404);
		assertThat(get("/nothing/else/def", Map.of("traceparent", "00-" + second + "-b7ad6b7169203331-01"))
			.statusCode()).isEqualTo(404);
		JsonNode firstSpan = awaitTraces("trace_id=" + first, 1).get(0);
		JsonNode secondSpan = awaitTraces("trace_id=" + second, 1).get(0);
		assertThat(firstSpan.get("name").asString()).startsWith("http GET ")
			.isEqualTo(secondSpan.get("name").asString())
			.doesNotContain("nothing");
		assertThat(firstSpan.get("attributes").get("http.response.status_code").asInt()).isEqualTo(404);
	}

	@Test
	void propagatorWhenDefaultsThenW3cTraceContextOnlyWithoutBaggage() {
		// Baggage is opt-in (management.tracing.baggage.enabled=true brings it back).
		assertThat(this.propagator.fields()).contains("traceparent").doesNotContain("baggage", "b3");
	}

	@Test
	void requestWhenValidTraceparentThenTraceContinued() throws Exception {
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		HttpResponse<String> response = get("/items/7",
				Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode span = serverSpanOf("/items/{id}", traceId);
		assertThat(span.get("parent_span_id").asString()).isEqualTo("b7ad6b7169203331");
	}

	@Test
	void requestWhenMalformedTraceparentThenFreshTrace() throws Exception {
		HttpResponse<String> response = get("/items/8",
				Map.of("traceparent", "00-zzzz-not-a-trace\u00e9-01", "X-Probe", "malformed"));
		assertThat(response.statusCode()).isEqualTo(200);
		String traceId = traceIdOf(response);
		assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("00000000000000000000000000000000");
		JsonNode span = serverSpanOf("/items/{id}", traceId);
		assertThat(span.get("parent_span_id").isNull()).isTrue();
	}

	@Test
	void requestWhenHandlerCallsItselfThenChildSpansShareTraceAndTraceparentIsSent() throws Exception {
		HttpResponse<String> response = get("/hop/5", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		String receivedTraceparent = body.get("traceparent").asString();
		String traceId = traceIdOf(response);
		assertThat(receivedTraceparent).startsWith("00-" + traceId + "-");
		JsonNode spans = awaitTraces("trace_id=" + traceId, 3);
		JsonNode outer = find(spans, "http GET /hop/{id}");
		JsonNode client = findKind(spans, "client");
		JsonNode inner = find(spans, "http GET /items/{id}");
		assertThat(outer.get("parent_span_id").isNull()).isTrue();
		assertThat(client.get("parent_span_id").asString()).isEqualTo(outer.get("span_id").asString());
		assertThat(inner.get("parent_span_id").asString()).isEqualTo(client.get("span_id").asString());
		assertThat(receivedTraceparent).contains(client.get("span_id").asString());
		// Oldest first: the inner server span ends before the client span, which ends
		// before the outer server span.
		List<String> order = List.of(spans.get(0).get("span_id").asString(),
				spans.get(spans.size() - 1).get("span_id").asString());
		assertThat(order).containsExactly(inner.get("span_id").asString(), outer.get("span_id").asString());
	}

	@Test
	void traceSpanWhenUsedInHandlerThenChildOfServerSpanWithRedactedAndTruncatedAttributes() throws Exception {
		HttpResponse<String> response = get("/job", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		String traceId = body.get("trace_id").asString();
		JsonNode spans = awaitTraces("trace_id=" + traceId, 3);
		JsonNode server = find(spans, "http GET /job");
		JsonNode work = find(spans, "work.step");
		assertThat(work.get("kind").asString()).isEqualTo("internal");
		assertThat(work.get("span_id").asString()).isEqualTo(body.get("span_id").asString());
		assertThat(work.get("parent_span_id").asString()).isEqualTo(server.get("span_id").asString());
		JsonNode attributes = work.get("attributes");
		assertThat(attributes.get("db.password").asString()).isEqualTo("[REDACTED]");
		assertThat(attributes.get("Authorization").asString()).isEqualTo("[REDACTED]");
		assertThat(attributes.get("note").asString()).hasSize(257).endsWith("\u2026");
		assertThat(attributes.get("observability.attributes.truncated").asBoolean()).isTrue();
		assertThat(attributes.get("count").asLong()).isEqualTo(3);
		JsonNode failed = find(spans, "work.failing");
		assertThat(failed.get("status").asString()).isEqualTo("error");
		// Export redacts too.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(exported(traceId, "work.step")).isNotNull());
		assertThat(exported(traceId, "work.step").getAttributes().asMap().toString()).doesNotContain("hunter2");
	}

	@Test
	void observedMethodWhenCalledThenSpanRecorded() throws Exception {
		HttpResponse<String> response = get("/observed", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		String traceId = traceIdOf(response);
		JsonNode spans = awaitTraces("trace_id=" + traceId, 2);
		JsonNode observed = find(spans, "inventory lookup");
		assertThat(observed.get("parent_span_id").asString())
			.isEqualTo(find(spans, "http GET /observed").get("span_id").asString());
	}

	@Test
	void requestWhenHandlerFailsThenErrorStatus() throws Exception {
		HttpResponse<String> response = get("/boom", Map.of());
		assertThat(response.statusCode()).isEqualTo(500);
		JsonNode spans = awaitTraces("name=" + encode("http GET /boom") + "&status=error", 1);
		assertThat(spans.get(0).get("attributes").get("http.response.status_code").asInt()).isEqualTo(500);
	}

	@Test
	void requestWhenServerErrorStatusWithoutExceptionThenErrorStatus() throws Exception {
		assertThat(get("/unavailable", Map.of()).statusCode()).isEqualTo(503);
		JsonNode spans = awaitTraces("name=" + encode("http GET /unavailable"), 1);
		JsonNode span = spans.get(spans.size() - 1);
		assertThat(span.get("status").asString()).isEqualTo("error");
		assertThat(span.get("attributes").get("http.response.status_code").asInt()).isEqualTo(503);
	}

	@Test
	void requestWhenClientErrorStatusThenOkStatus() throws Exception {
		assertThat(get("/teapot", Map.of()).statusCode()).isEqualTo(418);
		JsonNode spans = awaitTraces("name=" + encode("http GET /teapot"), 1);
		assertThat(spans.get(spans.size() - 1).get("status").asString()).isEqualTo("ok");
	}

	@Test
	void unsampledParentWhenRequestThenRecordedLocallyButNotExported() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		get("/items/9", Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00"));
		String sampledTraceId = "5bf92f3577b34da6a3ce929d0e0e4737";
		get("/items/9", Map.of("traceparent", "00-" + sampledTraceId + "-00f067aa0ba902b7-01"));
		assertThat(serverSpanOf("/items/{id}", traceId)).isNotNull();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(exported(sampledTraceId, "http GET /items/{id}")).isNotNull());
		assertThat(this.exporter.getFinishedSpanItems()).noneMatch((span) -> span.getTraceId().equals(traceId));
	}

	@Test
	// A stopped exporter stays stopped: the next test gets a new context.
	@DirtiesContext
	void exportWhenCollectorFailsThenAppServesAndFailuresAreCounted() throws Exception {
		FunctionCounter counter = this.meterRegistry.find("observability.spans.export.failed").functionCounter();
		assertThat(counter).isNotNull();
		double before = counter.count();
		// A stopped exporter fails every export, like a collector that is down.
		this.exporter.shutdown();
		assertThat(get("/items/1", Map.of()).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(counter.count()).isGreaterThan(before));
		assertThat(get("/items/2", Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void tracesWhenLimitIsNotANumberThenBadRequestWithJsonError() throws Exception {
		HttpResponse<String> response = get("/observability/traces?limit=abc", Map.of());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("error").asString()).isEqualTo("limit must be an integer");
		assertThat(body.get("parameter").asString()).isEqualTo("limit");
	}

	@Test
	void tracesWhenPolledThenOwnRequestsNotRecorded() throws Exception {
		for (int i = 0; i < 3; i++) {
			traces("limit=1");
		}
		get("/teapot", Map.of());
		awaitTraces("name=" + encode("http GET /teapot"), 1);
		assertThat(traces("name=" + encode("http GET /observability/traces")).size()).isZero();
	}

	@Test
	void tracesWhenLimitZeroOrNegativeThenEmpty() throws Exception {
		get("/items/1", Map.of());
		awaitTraces("limit=1", 1);
		assertThat(traces("limit=0").size()).isZero();
		assertThat(traces("limit=-5").size()).isZero();
		assertThat(traces("limit=1").size()).isEqualTo(1);
		assertThat(traces("limit=99999999999999999999").size()).isLessThanOrEqualTo(512);
	}

	@Test
	void tracesWhenBadFiltersThenBadRequest() throws Exception {
		assertThat(get("/observability/traces?trace_id=xyz", Map.of()).statusCode()).isEqualTo(400);
		assertThat(get("/observability/traces?status=maybe", Map.of()).statusCode()).isEqualTo(400);
		assertThat(get("/observability/traces?min_duration_ms=-1", Map.of()).statusCode()).isEqualTo(400);
		assertThat(get("/observability/traces?min_duration_ms=fast", Map.of()).statusCode()).isEqualTo(400);
		assertThat(get("/observability/traces?min_duration_ms=0.5", Map.of()).statusCode()).isEqualTo(200);
	}

	/** The trace id the handler saw as current, which its body reports. */
	private static String traceIdOf(HttpResponse<String> response) throws Exception {
		return json.readTree(response.body()).get("trace_id").asString();
	}

	private JsonNode serverSpanOf(String route, String traceId) throws Exception {
		JsonNode spans = awaitTraces("trace_id=" + traceId + "&name=" + encode("http GET " + route), 1);
		return spans.get(spans.size() - 1);
	}

	private SpanData exported(String traceId, String name) {
		return this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getTraceId().equals(traceId) && span.getName().equals(name))
			.findFirst()
			.orElse(null);
	}

	private static JsonNode find(JsonNode spans, String name) {
		for (JsonNode span : spans) {
			if (span.get("name").asString().equals(name)) {
				return span;
			}
		}
		throw new AssertionError("No span named " + name + " in " + spans);
	}

	private static JsonNode findKind(JsonNode spans, String kind) {
		for (JsonNode span : spans) {
			if (span.get("kind").asString().equals(kind)) {
				return span;
			}
		}
		throw new AssertionError("No span of kind " + kind + " in " + spans);
	}

	/**
	 * The server span ends after the response is written, so a client can be faster than
	 * the buffer: wait for the spans to be there.
	 */
	private JsonNode awaitTraces(String query, int atLeast) {
		JsonNode[] result = new JsonNode[1];
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			result[0] = traces(query);
			assertThat(result[0].size()).as("spans for %s", query).isGreaterThanOrEqualTo(atLeast);
		});
		return result[0];
	}

	private JsonNode traces(String query) throws Exception {
		String limit = query.contains("limit=") ? "" : "limit=512&";
		HttpResponse<String> response = get("/observability/traces?" + limit + query, Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("traces");
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) {
		return EndpointHttp.get(this.port, path, headers);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = {
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
	@Import({ TestController.class, Inventory.class })
	static class App {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

	static class Inventory {

		@Observed(name = "inventory.lookup", contextualName = "inventory lookup")
		String lookup(String id) {
			return "item-" + id;
		}

	}

	@RestController
	static class TestController {

		private final RestClient restClient;

		private final Environment environment;

		private final Inventory inventory;

		TestController(RestClient.Builder builder, Environment environment, Inventory inventory) {
			this.restClient = builder.build();
			this.environment = environment;
			this.inventory = inventory;
		}

		@GetMapping("/items/{id}")
		Map<String, String> item(@PathVariable String id,
				@RequestHeader(name = "traceparent", required = false) String traceparent) {
			return Map.of("id", id, "traceparent", (traceparent != null) ? traceparent : "", "trace_id",
					io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId());
		}

		@GetMapping("/hop/{id}")
		String hop(@PathVariable String id) {
			String port = this.environment.getProperty("local.server.port");
			return this.restClient.get().uri("http://127.0.0.1:" + port + "/items/" + id).retrieve().body(String.class);
		}

		@GetMapping("/job")
		Map<String, String> work() {
			try (TraceSpan span = TraceSpan.start("work.step", Map.of("db.password", "hunter2", "Authorization",
					"Bearer abc", "note", "x".repeat(1000), "count", 3))) {
				try {
					TraceSpan.run("work.failing", null, () -> {
						throw new IllegalStateException("expected");
					});
				}
				catch (IllegalStateException ex) {
					// recorded on the span by run()
				}
				return Map.of("trace_id", span.traceId(), "span_id", span.spanId());
			}
		}

		@GetMapping("/observed")
		Map<String, String> observed() {
			return Map.of("item", this.inventory.lookup("1"), "trace_id",
					io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId());
		}

		@GetMapping("/unavailable")
		org.springframework.http.ResponseEntity<String> unavailable() {
			return org.springframework.http.ResponseEntity.status(503).body("later");
		}

		@GetMapping("/teapot")
		org.springframework.http.ResponseEntity<String> teapot() {
			return org.springframework.http.ResponseEntity.status(418).body("short and stout");
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

	}

}
