package dev.aisd.observability.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
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
		int prometheusPort = freePort();
		ProcessBuilder builder = new ProcessBuilder("bash", "run-local.sh").directory(this.files.root().toFile())
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.put("TARGET", "127.0.0.1:" + service.getAddress().getPort());
		environment.put("PROMETHEUS_PORT", String.valueOf(prometheusPort));
		environment.put("ALERTMANAGER_PORT", String.valueOf(freePort()));
		environment.put("GRAFANA_PORT", String.valueOf(freePort()));
		environment.put("SCRAPE_INTERVAL", "1s");
		Process process = builder.start();
		BlockingQueue<String> output = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> readLines(process, output));
		reader.setDaemon(true);
		reader.start();
		try {
			StringBuilder printed = new StringBuilder();
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				String line = output.poll(1, TimeUnit.SECONDS);
				if (line != null) {
					printed.append(line).append('\n');
				}
				return printed.toString().contains("Ctrl-C") || !process.isAlive();
			});
			assertThat(printed.toString()).contains("Prometheus:   http://127.0.0.1:" + prometheusPort)
				.contains("Alertmanager: http://127.0.0.1:");
			Path work = Path.of(printed.toString().replaceAll("(?s).*Logs and data in (\\S+) .*", "$1"));
			assertThat(work).isDirectory();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(
					"http://127.0.0.1:" + prometheusPort + "/api/v1/query?query=count%20by%20(job)%20(up%20%3D%3D%201)"))
				.contains("\"metric\":{\"job\":\"services\"},\"value\":[")
				.contains("\"1\"]")
				.doesNotContain("\"job\":\"security\""));
			process.destroy();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(work).doesNotExist();
		}
		finally {
			process.destroyForcibly();
			service.stop(0);
		}
	}

	private String get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	private static void readLines(Process process, BlockingQueue<String> output) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.add(line);
			}
		}
		catch (IOException ex) {
			// The process ended; what it printed is already queued.
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
