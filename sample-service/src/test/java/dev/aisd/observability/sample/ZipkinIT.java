package dev.aisd.observability.sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.sample.it.ZipkinServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spans reach a real Zipkin server ({@code io.zipkin:zipkin-server:exec}, in-memory
 * storage, a {@link ZipkinServer} subprocess on a loopback port) with their parent/child
 * links intact, the same ids are in the ring buffer, and with Zipkin gone the service serves on
 * while failed exports are counted.
 */
class ZipkinIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static ZipkinServer zipkin;

	private static ConfigurableApplicationContext app;

	private static int appPort;

	@BeforeAll
	static void start() throws Exception {
		zipkin = ZipkinServer.start();
		app = new SpringApplicationBuilder(SampleServiceApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--management.tracing.sampling.probability=1.0",
				"--management.tracing.export.zipkin.endpoint=" + zipkin.spansEndpoint(),
				"--management.tracing.export.zipkin.connect-timeout=500ms",
				"--management.opentelemetry.tracing.export.schedule-delay=200ms",
				"--sample.security.operator-password=" + OPERATOR_PASSWORD);
		appPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (app != null) {
				app.close();
			}
		}
		finally {
			if (zipkin != null) {
				zipkin.close();
			}
		}
	}

	@Test
	void twoHopRequestThenTraceInZipkinAndRingBufferThenCollectorDownIsCountedAndHarmless() throws Exception {
		HttpResponse<String> response = get(appPort, "/api/items/1/price");
		assertThat(response.statusCode()).isEqualTo(200);
		// The logging feature sets X-Trace-ID; without it, the ring buffer says which trace it was.
		// The server span ends just after the response is written: wait for it.
		String traceId = response.headers()
			.firstValue("X-Trace-ID")
			.orElseGet(() -> await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(ZipkinIT::lastPriceTraceId,
					(id) -> id != null));
		assertThat(traceId).matches("[0-9a-f]{32}");

		Map<String, JsonNode> localByName = new HashMap<>();
		JsonNode[] localSpans = new JsonNode[1];
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			localSpans[0] = json.readTree(get(appPort, "/observability/traces?limit=512&trace_id=" + traceId).body())
				.get("traces");
			localByName.clear();
			localSpans[0].forEach((span) -> localByName.put(span.get("name").asString(), span));
			assertThat(localByName).containsKeys("http GET /api/items/{id}/price", "http GET /api/items/{id}",
					"price calculation");
			assertThat(localSpans[0].size()).isGreaterThanOrEqualTo(4);
		});
		JsonNode local = localSpans[0];
		JsonNode outer = localByName.get("http GET /api/items/{id}/price");
		JsonNode inner = localByName.get("http GET /api/items/{id}");
		JsonNode observed = localByName.get("price calculation");
		JsonNode client = null;
		for (JsonNode span : local) {
			if ("client".equals(span.get("kind").asString())) {
				client = span;
			}
		}
		assertThat(client).as("client span in %s", local).isNotNull();
		assertThat(client.get("parent_span_id").asString()).isEqualTo(outer.get("span_id").asString());
		assertThat(inner.get("parent_span_id").asString()).isEqualTo(client.get("span_id").asString());
		assertThat(observed.get("parent_span_id").asString()).isEqualTo(outer.get("span_id").asString());

		// The same spans, parent and child intact, in Zipkin.
		Map<String, JsonNode> remote = new HashMap<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			HttpResponse<String> trace = get(zipkin.port(), "/api/v2/trace/" + traceId);
			assertThat(trace.statusCode()).isEqualTo(200);
			remote.clear();
			json.readTree(trace.body()).forEach((span) -> remote.put(span.get("id").asString(), span));
			assertThat(remote).hasSizeGreaterThanOrEqualTo(local.size());
		});
		for (JsonNode span : local) {
			JsonNode zipkinSpan = remote.get(span.get("span_id").asString());
			assertThat(zipkinSpan).as("span %s in zipkin %s", span, remote.values()).isNotNull();
			assertThat(zipkinSpan.get("traceId").asString()).isEqualTo(traceId);
			assertThat(zipkinSpan.get("name").asString()).isEqualToIgnoringCase(span.get("name").asString());
			String parent = span.get("parent_span_id").isNull() ? null : span.get("parent_span_id").asString();
			JsonNode zipkinParent = zipkinSpan.get("parentId");
			assertThat((zipkinParent != null) ? zipkinParent.asString() : null).isEqualTo(parent);
		}
		assertThat(remote.get(outer.get("span_id").asString()).get("kind").asString()).isEqualTo("SERVER");
		assertThat(remote.get(client.get("span_id").asString()).get("kind").asString()).isEqualTo("CLIENT");
		// Server spans carry the OpenTelemetry HTTP semantic-convention attributes only.
		JsonNode serverTags = remote.get(outer.get("span_id").asString()).get("tags");
		assertThat(serverTags.get("http.request.method").asString()).isEqualTo("GET");
		assertThat(serverTags.get("http.route").asString()).isEqualTo("/api/items/{id}/price");
		assertThat(serverTags.get("url.path").asString()).isEqualTo("/api/items/1/price");
		assertThat(serverTags.get("http.response.status_code").asString()).isEqualTo("200");
		assertThat(serverTags.propertyNames()).doesNotContain("method", "uri", "status", "outcome", "exception");

		// Collector down: the service serves on, health is unaffected, failures are counted.
		zipkin.close();
		FunctionCounter failed = app.getBean(MeterRegistry.class)
			.find("observability.spans.export.failed")
			.functionCounter();
		assertThat(failed).isNotNull();
		double before = failed.count();
		for (int i = 0; i < 5; i++) {
			assertThat(get(appPort, "/api/items/2/price").statusCode()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(failed.count()).isGreaterThan(before));
		assertThat(get(appPort, "/api/items/3").statusCode()).isEqualTo(200);
		HttpResponse<String> health = get(appPort, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"UP\"");
		List<PrometheusMeterRegistry> prometheus = app.getBeanProvider(PrometheusMeterRegistry.class).stream()
			.toList();
		if (!prometheus.isEmpty()) {
			assertThat(prometheus.get(0).scrape()).contains("observability_spans_export_failed_total");
		}
	}

	private static String lastPriceTraceId() {
		try {
			String name = URLEncoder.encode("http GET /api/items/{id}/price", StandardCharsets.UTF_8);
			JsonNode spans = json.readTree(get(appPort, "/observability/traces?limit=1&name=" + name).body())
				.get("traces");
			return spans.get(0).get("trace_id").asString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final String OPERATOR_PASSWORD = "zipkin-it-operator";

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		// The sample's traces need role OPERATOR; other servers ignore the header.
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
