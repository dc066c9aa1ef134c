package dev.aisd.observability.tracing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A failing and a slow request stay findable at {@code /observability/traces} after far
 * more ordinary traffic than the ring holds, on a real server with the real OpenTelemetry
 * SDK.
 */
@SpringBootTest(classes = TraceRetentionIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "observability.traces.history=32", "management.tracing.sampling.probability=0.0",
				"management.otlp.metrics.export.enabled=false", "spring.application.name=retention-test" })
class TraceRetentionIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private Tracer tracer;

	@Test
	void failingAndSlowRequestsWhenFollowedByHundredThousandOrdinaryTracesThenStillServed() throws Exception {
		assertThat(get("/fail").statusCode()).isEqualTo(500);
		assertThat(get("/slow").statusCode()).isEqualTo(200);
		JsonNode failed = awaitOne("status=error&name=" + encode("http GET /fail"));
		JsonNode slow = awaitOne("min_duration_ms=150&name=" + encode("http GET /slow"));
		String failedTrace = failed.get("trace_id").asString();
		String slowTrace = slow.get("trace_id").asString();
		for (int i = 0; i < 500; i++) {
			assertThat(get("/items/" + i).statusCode()).isEqualTo(200);
		}
		// The rest of the 100,000 through the application's tracer: the same SDK
		// processors as a request, without the cost of 100,000 HTTP exchanges.
		for (int i = 0; i < 99_500; i++) {
			Span root = this.tracer.nextSpan().name("http GET /items/{id}").start();
			try (Tracer.SpanInScope scope = this.tracer.withSpan(root)) {
				this.tracer.nextSpan().name("inventory lookup").start().end();
			}
			finally {
				root.end();
			}
		}
		JsonNode errors = traces("status=error");
		assertThat(traceIds(errors)).contains(failedTrace);
		JsonNode slowOnes = traces("min_duration_ms=150");
		assertThat(traceIds(slowOnes)).contains(slowTrace);
		JsonNode wholeSlowTrace = traces("trace_id=" + slowTrace);
		assertThat(names(wholeSlowTrace)).containsExactly("slow.step", "http GET /slow");
		assertThat(traces("limit=512").size()).isLessThanOrEqualTo(32 + 16 * 3 * 16 + 32 * 16);
	}

	private static Set<String> traceIds(JsonNode spans) {
		Set<String> ids = new HashSet<>();
		spans.forEach((span) -> ids.add(span.get("trace_id").asString()));
		return ids;
	}

	private static java.util.List<String> names(JsonNode spans) {
		java.util.List<String> names = new java.util.ArrayList<>();
		spans.forEach((span) -> names.add(span.get("name").asString()));
		return names;
	}

	/** The server span ends after the response is written: wait for it. */
	private JsonNode awaitOne(String query) {
		JsonNode[] result = new JsonNode[1];
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			result[0] = traces(query);
			assertThat(result[0].size()).as("spans for %s", query).isEqualTo(1);
		});
		return result[0].get(0);
	}

	private JsonNode traces(String query) throws Exception {
		HttpResponse<String> response = get("/observability/traces?" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("traces");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = {
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
	@Import(RetentionController.class)
	static class App {

	}

	@RestController
	static class RetentionController {

		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			return id;
		}

		@GetMapping("/fail")
		String fail() {
			throw new IllegalStateException("expected failure");
		}

		@GetMapping("/slow")
		String slow() {
			try (TraceSpan span = TraceSpan.start("slow.step", Map.of())) {
				// The application being slow (what the test is about), not the test waiting.
				LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
			}
			return "slow";
		}

	}

}
