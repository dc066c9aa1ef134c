package dev.aisd.observability.tracing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import dev.aisd.observability.endpoint.EndpointHttp;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of tracing on WebFlux: server spans across thread hops, the endpoint,
 * and propagation through a {@link WebClient} built from Spring Boot's builder.
 */
@SpringBootTest(classes = ReactiveTracingIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "management.tracing.sampling.probability=1.0",
				"management.otlp.metrics.export.enabled=false", "spring.application.name=reactive-test" })
class ReactiveTracingIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private Propagator propagator;

	@Test
	void propagatorWhenDefaultsThenW3cTraceContextOnlyWithoutBaggage() {
		// Baggage is opt-in (management.tracing.baggage.enabled=true brings it back).
		assertThat(this.propagator.fields()).contains("traceparent").doesNotContain("baggage", "b3");
	}

	@Test
	void requestWhenHandlerHopsThreadsThenOneServerSpanNamedAfterRoute() throws Exception {
		String traceId = "3af7651916cd43dd8448eb211c80319c";
		HttpResponse<String> response = get("/delayed/4", Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode spans = awaitTraces("trace_id=" + traceId, 1);
		assertThat(spans.size()).isEqualTo(1);
		JsonNode span = spans.get(0);
		assertThat(span.get("name").asString()).isEqualTo("http GET /delayed/{id}");
		assertThat(span.get("kind").asString()).isEqualTo("server");
		assertThat(span.get("parent_span_id").asString()).isEqualTo("b7ad6b7169203331");
		assertThat(span.get("service").asString()).isEqualTo("reactive-test");
		assertThat(span.get("duration_seconds").asDouble()).isGreaterThanOrEqualTo(0.02);
		assertThat(span.get("attributes").get("http.route").asString()).isEqualTo("/delayed/{id}");
		assertThat(span.get("attributes").get("url.path").asString()).isEqualTo("/delayed/4");
		assertThat(span.get("attributes").propertyNames()).containsExactlyInAnyOrder("http.request.method",
				"http.route", "url.path", "http.response.status_code");
		assertThat(span.get("attributes").get("http.response.status_code").asInt()).isEqualTo(200);
	}

	@Test
	void requestWhenMalformedTraceparentThenFreshTrace() throws Exception {
		String name = "name=" + encode("http GET /items/{id}");
		java.util.Set<String> before = new java.util.HashSet<>();
		traces(name).forEach((span) -> before.add(span.get("span_id").asString()));
		HttpResponse<String> response = get("/items/1", Map.of("traceparent", "01-not-valid"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode[] ours = new JsonNode[1];
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			ours[0] = null;
			traces(name).forEach((span) -> {
				if (!before.contains(span.get("span_id").asString())) {
					ours[0] = span;
				}
			});
			assertThat(ours[0]).isNotNull();
		});
		assertThat(ours[0].get("trace_id").asString()).matches("[0-9a-f]{32}");
		assertThat(ours[0].get("parent_span_id").isNull()).isTrue();
	}

	@Test
	void requestWhenHandlerCallsItselfWithWebClientThenTraceparentSentAndTraceShared() throws Exception {
		HttpResponse<String> response = get("/hop/6", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		String traceparent = json.readTree(response.body()).get("traceparent").asString();
		JsonNode hops = awaitTraces("name=" + encode("http GET /hop/{id}"), 1);
		JsonNode outer = hops.get(hops.size() - 1);
		String traceId = outer.get("trace_id").asString();
		assertThat(traceparent).startsWith("00-" + traceId + "-");
		JsonNode spans = awaitTraces("trace_id=" + traceId, 3);
		JsonNode inner = null;
		JsonNode client = null;
		for (JsonNode span : spans) {
			if (span.get("name").asString().equals("http GET /items/{id}")) {
				inner = span;
			}
			if (span.get("kind").asString().equals("client")) {
				client = span;
			}
		}
		assertThat(client).isNotNull();
		assertThat(inner).isNotNull();
		assertThat(client.get("parent_span_id").asString()).isEqualTo(outer.get("span_id").asString());
		assertThat(inner.get("parent_span_id").asString()).isEqualTo(client.get("span_id").asString());
	}

	@Test
	void tracesWhenLimitIsNotANumberThenBadRequestWithJsonError() throws Exception {
		HttpResponse<String> response = get("/observability/traces?limit=ten", Map.of());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("parameter").asString()).isEqualTo("limit");
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
		HttpResponse<String> response = get("/observability/traces?limit=512&" + query, Map.of());
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
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
	@Import(TestController.class)
	static class App {

	}

	@RestController
	static class TestController {

		private final WebClient webClient;

		private final Environment environment;

		TestController(WebClient.Builder builder, Environment environment) {
			this.webClient = builder.build();
			this.environment = environment;
		}

		@GetMapping("/items/{id}")
		Mono<Map<String, String>> item(@PathVariable String id,
				@RequestHeader(name = "traceparent", required = false) String traceparent) {
			return Mono.just(Map.of("id", id, "traceparent", (traceparent != null) ? traceparent : ""));
		}

		@GetMapping("/delayed/{id}")
		Mono<String> delayed(@PathVariable String id) {
			return Mono.delay(Duration.ofMillis(25)).publishOn(Schedulers.boundedElastic()).map((tick) -> id);
		}

		@GetMapping("/hop/{id}")
		Mono<String> hop(@PathVariable String id) {
			String port = this.environment.getProperty("local.server.port");
			return this.webClient.get()
				.uri("http://127.0.0.1:" + port + "/items/" + id)
				.retrieve()
				.bodyToMono(String.class);
		}

	}

}
