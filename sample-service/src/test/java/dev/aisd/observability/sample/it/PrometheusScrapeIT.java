package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.aisd.observability.sample.SampleServiceApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus scrapes the running sample service every second; its HTTP API must
 * show the target up and answer the latency and request-rate queries of the playbook.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.tracing.export.otlp.enabled=false")
class PrometheusScrapeIT {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	int port;

	@Test
	void prometheusWhenScrapingTheSampleServiceThenTargetIsUpAndHttpQueriesReturnData() throws IOException {
		String config = """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				scrape_configs:
				  - job_name: sample-service
				    scrape_interval: 1s
				    scrape_timeout: 1s
				    metrics_path: /metrics
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(this.port);
		try (PrometheusServer prometheus = PrometheusServer.start(config)) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				driveTraffic();
				JsonNode up = prometheus.query("up{job=\"sample-service\"}");
				assertThat(up).as("up, Prometheus log:%n%s", prometheus.log()).hasSize(1);
				assertThat(up.get(0).path("value").get(1).asString()).isEqualTo("1");
			});
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				driveTraffic();
				JsonNode rate = prometheus.query("rate(http_requests_total{endpoint=\"/api/items/{id}\"}[1m])");
				assertThat(rate).isNotEmpty();
				assertThat(rate).anySatisfy((series) -> {
					assertThat(series.path("metric").path("service").asString()).isEqualTo("sample-service");
					assertThat(Double.parseDouble(series.path("value").get(1).asString())).isPositive();
				});
				JsonNode p95 = prometheus.query(
						"histogram_quantile(0.95, sum by (le, endpoint) (rate(http_request_duration_seconds_bucket[1m])))");
				assertThat(p95).anySatisfy((series) -> {
					assertThat(series.path("metric").path("endpoint").asString()).isEqualTo("/api/items/{id}");
					assertThat(Double.parseDouble(series.path("value").get(1).asString())).isPositive();
				});
				assertThat(prometheus.query(
						"histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[1m]))")).isNotEmpty();
			});
		}
	}

	private void driveTraffic() throws IOException, InterruptedException {
		for (String path : new String[] { "/api/items", "/api/items/1", "/api/items/2", "/api/items/404",
				"/no/such/path" }) {
			HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.discarding());
		}
	}

}
