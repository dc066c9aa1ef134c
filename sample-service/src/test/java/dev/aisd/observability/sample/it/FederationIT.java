package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.monitoring.MonitoringFiles;
import dev.aisd.observability.sample.SampleServiceApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Past one Prometheus, with the engines a fleet uses: a leaf Prometheus scrapes the
 * sample service and evaluates no rules; a global Prometheus federates it
 * ({@code /federate}, {@code honor_labels}) and a receiver gets its samples by
 * remote write ({@code --web.enable-remote-write-receiver}, what Mimir, Thanos Receive
 * and Cortex speak). Both upstream servers load every rule file of {@code monitoring/rules}
 * unchanged, and their recording rules, the SLO ones included, produce data from the
 * forwarded series, which keep the leaf's {@code job} and {@code instance}.
 */
// The same configuration as PrometheusScrapeIT, so the two share one cached context.
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.tracing.export.otlp.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationIT {

	/** Recording rules whose inputs the test's own traffic always produces. */
	private static final List<String> RECORDED = List.of("service:http_requests:rate5m",
			"service:http_requests_5xx:ratio_rate5m", "slo:sli_error:ratio_rate5m", "slo:sli_requests:rate5m",
			"slo:error_budget_remaining:ratio");

	private final MonitoringFiles files = MonitoringFiles.locate();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@LocalServerPort
	private int port;

	private PrometheusServer global;

	private PrometheusServer receiver;

	private PrometheusServer leaf;

	private ScheduledExecutorService traffic;

	@BeforeAll
	void start() throws IOException {
		String[] rules = ruleFiles();
		String upstream = """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - rules/*.yml
				""";
		this.receiver = PrometheusServer.start(upstream, List.of("--web.enable-remote-write-receiver"), rules);
		this.leaf = PrometheusServer.start("""
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				  external_labels:
				    cluster: leaf-1
				scrape_configs:
				  - job_name: services
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				remote_write:
				  - url: %s/api/v1/write
				    queue_config:
				      batch_send_deadline: 1s
				""".formatted(this.port, this.receiver.baseUrl()));
		this.global = PrometheusServer.start(upstream + """
				scrape_configs:
				  - job_name: federate
				    metrics_path: /federate
				    honor_labels: true
				    params:
				      'match[]': ['{job="services"}']
				    static_configs:
				      - targets: ['%s']
				""".formatted(this.leaf.baseUrl().substring("http://".length())), List.of(), rules);
		this.traffic = Executors.newSingleThreadScheduledExecutor();
		this.traffic.scheduleAtFixedRate(this::sendRequests, 0, 200, TimeUnit.MILLISECONDS);
	}

	@AfterAll
	void stop() {
		if (this.traffic != null) {
			this.traffic.shutdownNow();
		}
		for (PrometheusServer server : new PrometheusServer[] { this.global, this.leaf, this.receiver }) {
			if (server != null) {
				server.close();
			}
		}
	}

	@Test
	void globalWhenFederatingTheLeafThenKeepsItsLabelsAndRecordingRulesProduceData() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(this.global.query("up{job=\"federate\"} == 1")).as("federation target up").hasSize(1);
			JsonNode requests = this.global.query("http_requests_total{job=\"services\"}");
			assertThat(requests).as("federated series").isNotEmpty();
			assertThat(requests.get(0).path("metric").path("instance").asString()).isEqualTo("127.0.0.1:" + this.port);
			assertThat(requests.get(0).path("metric").path("cluster").asString()).isEqualTo("leaf-1");
			assertThat(emptyRecordings(this.global)).as("recording rules without data on the global").isEmpty();
		});
		// The leaf evaluates nothing: every recorded series on the global is the global's own.
		assertThat(this.leaf.query("{__name__=~\"service:.+|slo:.+\"}")).isEmpty();
	}

	@Test
	void receiverWhenRemoteWrittenThenRecordingRulesProduceData() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			JsonNode requests = this.receiver.query("http_requests_total{job=\"services\",cluster=\"leaf-1\"}");
			assertThat(requests).as("remote-written series").isNotEmpty();
			assertThat(emptyRecordings(this.receiver)).as("recording rules without data on the receiver").isEmpty();
		});
	}

	private Set<String> emptyRecordings(PrometheusServer server) {
		Set<String> empty = new TreeSet<>();
		for (String recorded : RECORDED) {
			if (server.query(recorded).isEmpty()) {
				empty.add(recorded);
			}
		}
		return empty;
	}

	private String[] ruleFiles() throws IOException {
		List<String> extraFiles = new ArrayList<>();
		for (Path ruleFile : this.files.ruleFiles()) {
			extraFiles.add("rules/" + ruleFile.getFileName());
			extraFiles.add(Files.readString(ruleFile));
		}
		return extraFiles.toArray(String[]::new);
	}

	private void sendRequests() {
		for (String path : List.of("/api/items", "/api/items/1", "/api/items/404")) {
			try {
				this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException ex) {
				// The next round retries.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
