package dev.aisd.observability.tracing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A collector that accepts connections and never answers (the worst kind of dead: every
 * export waits for its timeout) plus a burst of sampled requests: the export queue fills,
 * the spans it drops are counted in {@code observability_spans_export_dropped_total}, and
 * the application keeps answering and stays healthy.
 */
@SpringBootTest(classes = SpanExportLossIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=1.0",
				"management.opentelemetry.tracing.export.max-queue-size=16",
				"management.opentelemetry.tracing.export.max-batch-size=4",
				"management.opentelemetry.tracing.export.schedule-delay=10ms",
				"management.opentelemetry.tracing.export.timeout=3s",
				"management.tracing.export.zipkin.enabled=true", "management.tracing.export.zipkin.read-timeout=2s",
				"management.otlp.metrics.export.enabled=false",
				"spring.application.name=export-loss-test" })
class SpanExportLossIntegrationTests {

	private static final Pattern DROPPED = Pattern
		.compile("(?m)^observability_spans_export_dropped_total(?:\\{[^}]*})? ([0-9.eE+]+)$");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final BlackHole collector = BlackHole.start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void zipkin(DynamicPropertyRegistry registry) {
		registry.add("management.tracing.export.zipkin.endpoint",
				() -> "http://127.0.0.1:" + collector.port() + "/api/v2/spans");
	}

	@AfterAll
	static void stopCollector() throws IOException {
		collector.close();
	}

	@Test
	void collectorHangsWhenBurstThenDropsCountedAndApplicationHealthy() throws Exception {
		double before = dropped();
		for (int i = 0; i < 200; i++) {
			assertThat(get("/work").statusCode()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dropped()).isGreaterThan(before + 100));
		assertThat(collector.connections()).isPositive();
		HttpResponse<String> health = get("/health");
		assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
		assertThat(get("/work").statusCode()).isEqualTo(200);
		assertThat(scrape()).contains("# TYPE observability_spans_export_queue_size gauge");
	}

	private double dropped() throws Exception {
		Matcher matcher = DROPPED.matcher(scrape());
		assertThat(matcher.find()).as("dropped counter exposed").isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = get("/metrics");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** A TCP server that accepts every connection and never reads or writes. */
	static final class BlackHole implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> held = new CopyOnWriteArrayList<>();

		private BlackHole(ServerSocket server) {
			this.server = server;
			Thread acceptor = new Thread(this::accept, "black-hole-collector");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		static BlackHole start() {
			try {
				return new BlackHole(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					this.held.add(this.server.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		int port() {
			return this.server.getLocalPort();
		}

		int connections() {
			return this.held.size();
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.held) {
				socket.close();
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = {
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
	@Import(WorkController.class)
	static class App {

	}

	@RestController
	static class WorkController {

		@GetMapping("/work")
		String work() {
			try (TraceSpan span = TraceSpan.start("work.step", java.util.Map.of())) {
				return "done";
			}
		}

	}

}
