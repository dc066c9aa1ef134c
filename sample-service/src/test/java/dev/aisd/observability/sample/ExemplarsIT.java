package dev.aisd.observability.sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.aisd.observability.sample.it.PrometheusServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus with exemplar storage scrapes the sample service (OpenMetrics, as
 * Prometheus negotiates it) and returns trace and span ids of the service's sampled
 * requests from {@code /api/v1/query_exemplars}, for the security latency histograms and
 * for {@code http_request_duration_seconds}; every such trace is also found in the
 * service's own span buffer.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"management.tracing.export.otlp.enabled=false",
				"sample.security.operator-password=" + ExemplarsIT.OPERATOR_PASSWORD })
class ExemplarsIT {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** The sample serves its traces to role OPERATOR only. */
	static final String OPERATOR_PASSWORD = "exemplars-operator";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final Set<String> sentTraces = new HashSet<>();

	@Test
	void prometheusWithExemplarStorageWhenScrapingThenSecurityLatencyExemplarsPointAtKeptTraces()
			throws Exception {
		try (PrometheusServer prometheus = startPrometheus()) {
			Instant start = Instant.now().minusSeconds(60);
			JsonNode[] found = new JsonNode[1];
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				search();
				found[0] = exemplars(prometheus, "security_detection_latency_seconds_bucket{detection_method=\"waf_rules\"}",
						start);
				assertThat(found[0]).as("exemplars, Prometheus log:%n%s", prometheus.log()).isNotEmpty();
			});
			JsonNode exemplar = found[0].get(0).path("exemplars").get(0);
			String traceId = exemplar.path("labels").path("trace_id").asString();
			assertThat(traceId).matches("[0-9a-f]{32}");
			assertThat(exemplar.path("labels").path("span_id").asString()).matches("[0-9a-f]{16}");
			assertThat(this.sentTraces).contains(traceId);
			JsonNode spans = JSON.readTree(get("/observability/traces?trace_id=" + traceId).body()).get("traces");
			assertThat(spans).anySatisfy((span) -> assertThat(span.path("span_id").asString())
				.isEqualTo(exemplar.path("labels").path("span_id").asString()));
		}
	}

	@Test
	void prometheusWithExemplarStorageWhenScrapingThenHttpDurationExemplarsPointAtServerSpans() throws Exception {
		try (PrometheusServer prometheus = startPrometheus()) {
			Instant start = Instant.now().minusSeconds(60);
			JsonNode[] found = new JsonNode[1];
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				search();
				found[0] = exemplars(prometheus, "http_request_duration_seconds_bucket{endpoint=\"/api/search\"}",
						start);
				assertThat(found[0]).as("exemplars, Prometheus log:%n%s", prometheus.log()).isNotEmpty();
			});
			JsonNode exemplar = found[0].get(0).path("exemplars").get(0);
			String traceId = exemplar.path("labels").path("trace_id").asString();
			String spanId = exemplar.path("labels").path("span_id").asString();
			assertThat(this.sentTraces).contains(traceId);
			assertThat(spanId).matches("[0-9a-f]{16}");
			// The exemplar names the request's server span, the one the buffer kept.
			JsonNode spans = JSON.readTree(get("/observability/traces?trace_id=" + traceId).body()).get("traces");
			assertThat(spans).anySatisfy((span) -> {
				assertThat(span.path("span_id").asString()).isEqualTo(spanId);
				assertThat(span.path("kind").asString()).isEqualTo("server");
				assertThat(span.path("name").asString()).isEqualTo("http GET /api/search");
			});
		}
		// What Prometheus read: the OpenMetrics exposition, an exemplar on a bucket of the route.
		HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/metrics"))
			.header("Accept", "application/openmetrics-text;version=1.0.0")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body().lines()).anySatisfy((line) -> assertThat(line)
			.startsWith("http_request_duration_seconds_bucket{endpoint=\"/api/search\"")
			.containsPattern(" # \\{span_id=\"[0-9a-f]{16}\",trace_id=\"[0-9a-f]{32}\"} "));
	}

	private PrometheusServer startPrometheus() throws IOException {
		String config = """
				global:
				  scrape_interval: 1s
				scrape_configs:
				  - job_name: sample-service
				    scrape_interval: 1s
				    scrape_timeout: 1s
				    metrics_path: /metrics
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(this.port);
		return PrometheusServer.start(config, java.util.List.of("--enable-feature=exemplar-storage"));
	}

	private static JsonNode exemplars(PrometheusServer prometheus, String selector, Instant start) {
		JsonNode body = prometheus.get("/api/v1/query_exemplars?query=" + URLEncoder.encode(selector,
				StandardCharsets.UTF_8) + "&start=" + start.getEpochSecond() + "&end="
				+ Instant.now().plusSeconds(60).getEpochSecond());
		assertThat(body.path("status").asString()).as(body.toString()).isEqualTo("success");
		return body.path("data");
	}

	/** One search with a fresh, sampled trace id the test remembers. */
	private void search() throws IOException, InterruptedException {
		String traceId = String.format("%016x%016x", ThreadLocalRandom.current().nextLong(),
				ThreadLocalRandom.current().nextLong());
		this.sentTraces.add(traceId);
		HttpResponse<String> response = HTTP.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/search?q=lantern"))
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Basic " + credentials)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
