package dev.aisd.observability.endpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.aisd.observability.health.HealthCheck;
import dev.aisd.observability.health.HealthCheckResult;
import dev.aisd.observability.health.internal.HealthEndpoints;
import dev.aisd.observability.testsupport.TestApplications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Probes that cannot be starved, against real servers on random ports: a storm of
 * {@code /health} callers waiting for a hung check leaves {@code /health/live} answering
 * at once (Servlet: the waiting callers hold no container thread; WebFlux: no event loop
 * waits), and with the recommended layout (probes on the management port) slow request
 * bodies that take every application thread leave the probes answering.
 */
class ProbeStarvationIT {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** The kubelet's client: not the one of the storm. */
	private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static volatile CountDownLatch hang = new CountDownLatch(0);

	private ConfigurableApplicationContext app;

	private final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void close() throws IOException {
		hang.countDown();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		if (this.app != null) {
			this.app.close();
		}
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void liveWhen250HealthCallersWaitForAHungCheckThenAnswersAtOnce(WebApplicationType type) throws Exception {
		this.app = TestApplications.run(App.class, type, null, "spring.application.name=storm",
				"observability.health.cache-ttl=0ms", "observability.health.boot-indicators.enabled=false");
		int port = port(this.app);
		assertThat(get(port, "/health", Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
		for (int i = 0; i < 20; i++) {
			assertThat(get(port, "/health/live", Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
		}
		hang = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> storm = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			storm.add(HTTP.sendAsync(request(port, "/health", Duration.ofSeconds(30)),
					HttpResponse.BodyHandlers.ofString()));
		}
		// Measure once every caller waits: the probes then compete with 250 waiting callers,
		// not with the connection burst of the storm.
		HealthEndpoints endpoints = this.app.getBean(HealthEndpoints.class);
		await().atMost(Duration.ofSeconds(8)).until(() -> endpoints.waitingCallers() == 250);
		long slowestMillis = 0;
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			HttpResponse<String> live = PROBE.send(request(port, "/health/live", Duration.ofSeconds(5)),
					HttpResponse.BodyHandlers.ofString());
			latencies.add((System.nanoTime() - start) / 1_000_000);
			slowestMillis = Math.max(slowestMillis, latencies.get(i));
			assertThat(live.statusCode()).isEqualTo(200);
		}
		System.out.println("/health/live during a 250-caller storm on " + type + ", ms: " + latencies);
		// The probes were answered while the storm still waited for the hung check.
		assertThat(storm).anyMatch((response) -> !response.isDone());
		assertThat(slowestMillis).as("slowest /health/live during the storm, ms (all: %s)", latencies).isLessThan(1000);
		CompletableFuture.allOf(storm.toArray(CompletableFuture[]::new)).join();
		assertThat(storm).allSatisfy((response) -> {
			assertThat(response.join().statusCode()).isEqualTo(503);
			assertThat(response.join().body()).contains("\"status\":\"error\"");
		});
	}

	@Test
	void probesOnManagementPortWhenSlowBodiesTakeEveryApplicationThreadThenStillAnswer() throws Exception {
		this.app = TestApplications.run(App.class, WebApplicationType.SERVLET, null, "spring.application.name=slow",
				"management.server.port=0", "server.tomcat.threads.max=50");
		int port = port(this.app);
		int managementPort = Integer.parseInt(this.app.getEnvironment().getProperty("local.management.port"));
		assertThat(get(managementPort, "/health/live", Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
		// More trickled bodies than the application port has threads: each holds one
		// thread reading a body that never ends.
		for (int i = 0; i < 200; i++) {
			Socket socket = new Socket("127.0.0.1", port);
			this.sockets.add(socket);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
					+ "Content-Length: 100000\r\n\r\nu").getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
		// The storm is real: the application port is starved.
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> HTTP.send(request(port, "/ping", Duration.ofSeconds(2)),
					HttpResponse.BodyHandlers.ofString()));
		long slowestMillis = 0;
		for (String probe : List.of("/health/live", "/health/ready", "/health/live", "/health/ready", "/metrics")) {
			long start = System.nanoTime();
			HttpResponse<String> response = get(managementPort, probe, Duration.ofSeconds(5));
			slowestMillis = Math.max(slowestMillis, (System.nanoTime() - start) / 1_000_000);
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
		}
		System.out.println("slowest probe on the management port during 200 slow bodies, ms: " + slowestMillis);
		assertThat(slowestMillis).as("slowest probe on the management port, ms").isLessThan(1000);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static HttpRequest request(int port, String path, Duration timeout) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).build();
	}

	private static HttpResponse<String> get(int port, String path, Duration timeout) throws Exception {
		return HTTP.send(request(port, path, timeout), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ EndpointTestApps.PingController.class, Checks.class, LoginController.class })
	static class App {

	}

	static class Checks {

		@HealthCheck(name = "payments", timeout = "10s")
		HealthCheckResult payments() throws InterruptedException {
			hang.await();
			return HealthCheckResult.healthy();
		}

	}

	@RestController
	static class LoginController {

		@PostMapping("/login")
		String login(@RequestBody String body) {
			return "read " + body.length();
		}

	}

}
