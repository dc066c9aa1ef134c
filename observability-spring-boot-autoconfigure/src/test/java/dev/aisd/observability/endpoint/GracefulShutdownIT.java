package dev.aisd.observability.endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.aisd.observability.health.HealthAutoConfiguration;
import dev.aisd.observability.testsupport.TestApplications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown on real servers: as soon as Spring Boot starts it (readiness
 * {@code REFUSING_TRAFFIC}), {@code /health/ready} answers 503, while a request that was
 * in flight is still being served and then completes.
 * <p>
 * The server accepts no new connection once graceful shutdown has begun (Tomcat answers
 * further requests on open connections with its own 503), so the readiness endpoint is
 * called in-process through the same handler the HTTP routes use.
 */
class GracefulShutdownIT {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static volatile CountDownLatch started = new CountDownLatch(1);

	private static volatile CompletableFuture<String> release = new CompletableFuture<>();

	private ConfigurableApplicationContext app;

	@AfterEach
	void close() {
		release.complete("released");
		if (this.app != null) {
			this.app.close();
		}
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void readyWhenGracefulShutdownStartsThen503BeforeTheInFlightRequestCompletes(WebApplicationType type)
			throws Exception {
		started = new CountDownLatch(1);
		release = new CompletableFuture<>();
		this.app = TestApplications.run((type == WebApplicationType.SERVLET) ? ServletApp.class : ReactiveApp.class,
				type, null, "server.shutdown=graceful", "spring.lifecycle.timeout-per-shutdown-phase=30s",
				"observability.health.cache-ttl=0ms");
		int port = ((WebServerApplicationContext) this.app).getWebServer().getPort();
		ObservabilityEndpoint ready = this.app.getBean(HealthAutoConfiguration.READINESS_ENDPOINT_BEAN_NAME,
				ObservabilityEndpoint.class);
		assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
		assertThat(status(ready)).isEqualTo(200);

		CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
					.timeout(Duration.ofSeconds(60))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> closing = CompletableFuture.runAsync(this.app::close);

		await().atMost(Duration.ofSeconds(20)).until(() -> status(ready) == 503);
		assertThat(inFlight).isNotDone();
		assertThat(closing).isNotDone();

		release.complete("done");
		HttpResponse<String> completed = inFlight.get(30, TimeUnit.SECONDS);
		assertThat(completed.statusCode()).isEqualTo(200);
		assertThat(completed.body()).isEqualTo("done");
		closing.get(60, TimeUnit.SECONDS);
		this.app = null;
	}

	private static int status(ObservabilityEndpoint endpoint) throws Exception {
		return endpoint.handler().handle(new AnonymousCall()).toCompletableFuture().get(10, TimeUnit.SECONDS).status();
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static final class AnonymousCall implements EndpointCall {

		@Override
		public String parameter(String name) {
			return null;
		}

		@Override
		public List<String> headers(String name) {
			return List.of();
		}

		@Override
		public SecurityContext securityContext() {
			return SecurityContext.NONE;
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(BlockingController.class)
	static class ServletApp {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReactiveController.class)
	static class ReactiveApp {

	}

	@RestController
	static class BlockingController {

		@GetMapping("/slow")
		String slow() throws Exception {
			started.countDown();
			return release.get(60, TimeUnit.SECONDS);
		}

	}

	@RestController
	static class ReactiveController {

		@GetMapping("/slow")
		Mono<String> slow() {
			return Mono.fromRunnable(started::countDown).then(Mono.fromFuture(release));
		}

	}

}
