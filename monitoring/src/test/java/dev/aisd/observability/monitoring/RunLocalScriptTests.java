package dev.aisd.observability.monitoring;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import dev.aisd.observability.test.ExternalTool;
import dev.aisd.observability.test.ServerProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code run-local.sh}, the one command that shows the monitoring stack, really starts
 * Prometheus and Alertmanager against a service, prints their URLs and cleans up.
 */
class RunLocalScriptTests {

	private static final String METRICS = """
			# TYPE http_requests_total counter
			http_requests_total{method="GET",endpoint="/api/items",status_code="200",service="fake"} 7
			# TYPE security_threat_level_current gauge
			security_threat_level_current{service="fake"} 1
			""";

	private final MonitoringFiles files = MonitoringFiles.locate();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void scriptWhenCheckedThenIsExecutableBashWithoutSyntaxErrors() {
		Path script = this.files.root().resolve("run-local.sh");
		assertThat(Files.isExecutable(script)).isTrue();
		ExternalTool.Result result = ExternalTool.run(this.files.root(), Duration.ofSeconds(30),
				List.of("bash", "-n", "run-local.sh"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isZero();
	}

	@Test
	void scriptWhenServiceRunsThenScrapesItOnceAndRemovesItsDataOnTermination() throws Exception {
		HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		service.createContext("/metrics", (exchange) -> {
			byte[] body = METRICS.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		service.start();
		int prometheusPort = ServerProcess.freePort();
		// Ready when Prometheus is; the script prints its banner once Alertmanager is too.
		try (ServerProcess script = ServerProcess.builder("run-local", List.of("bash", "run-local.sh"))
			.workingDirectory(this.files.root())
			.environment(Map.of("TARGET", "127.0.0.1:" + service.getAddress().getPort(), "PROMETHEUS_PORT",
					String.valueOf(prometheusPort), "ALERTMANAGER_PORT", String.valueOf(ServerProcess.freePort()),
					"GRAFANA_PORT", String.valueOf(ServerProcess.freePort()), "SCRAPE_INTERVAL", "1s"))
			.readyWhenOk("http://127.0.0.1:" + prometheusPort + "/-/ready")
			.startTimeout(Duration.ofSeconds(60))
			.start()) {
			await().atMost(Duration.ofSeconds(60)).until(() -> script.log().contains("Ctrl-C") || !script.isAlive());
			String printed = script.log();
			assertThat(printed).contains("Prometheus:   http://127.0.0.1:" + prometheusPort)
				.contains("Alertmanager: http://127.0.0.1:");
			Path work = Path.of(printed.replaceAll("(?s).*Logs and data in (\\S+) .*", "$1"));
			assertThat(work).isDirectory();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(
					"http://127.0.0.1:" + prometheusPort + "/api/v1/query?query=count%20by%20(job)%20(up%20%3D%3D%201)"))
				.contains("\"metric\":{\"job\":\"services\"},\"value\":[")
				.contains("\"1\"]")
				.doesNotContain("\"job\":\"security\""));
			// SIGTERM, as Ctrl-C would: the script stops both servers and removes its directory.
			assertThat(script.stop(Duration.ofSeconds(30))).isTrue();
			assertThat(work).doesNotExist();
		}
		finally {
			service.stop(0);
		}
	}

	private String get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

}
