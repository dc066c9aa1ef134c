package dev.aisd.observability.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.endpoint.EndpointsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = ReactiveHealthEndpointTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "spring.main.web-application-type=reactive", "spring.application.name=edge",
				"observability.health.cache-ttl=0ms", "observability.health.path=/status",
				"observability.health.degraded-http-status=207" })
class ReactiveHealthEndpointTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private ApplicationContext context;

	@Autowired
	private FaultyChecks faults;

	@Autowired
	@Qualifier(EndpointsAutoConfiguration.ROUTES_BEAN_NAME)
	private RouterFunction<ServerResponse> routes;

	private WebTestClient client;

	@BeforeEach
	void setUp() {
		this.client = WebTestClient.bindToApplicationContext(this.context).build();
	}

	@AfterEach
	void recover() {
		this.faults.clear();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(get("/status").getStatus().value()).isEqualTo(200));
	}

	@Test
	void healthWhenConfiguredPathThenServedThere() {
		EntityExchangeResult<String> result = get("/status");
		assertThat(result.getStatus().value()).isEqualTo(200);
		assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("application/json");
		Map<String, Object> body = json(result);
		assertThat(body).containsEntry("status", "ok").containsEntry("service", "edge");
		assertThat(get("/health").getStatus().value()).isEqualTo(404);
	}

	@Test
	void healthWhenDegradedThenConfiguredStatus() {
		this.faults.cache.set("exception");
		EntityExchangeResult<String> result = get("/status");
		assertThat(result.getStatus().value()).isEqualTo(207);
		assertThat(json(result)).containsEntry("status", "degraded");
		assertThat(get("/health/ready").getStatus().value()).isEqualTo(200);
	}

	@Test
	void healthWhenCriticalCheckHangsThen503AndLiveStillOk() {
		this.faults.db.set("hang");
		EntityExchangeResult<String> result = get("/status");
		assertThat(result.getStatus().value()).isEqualTo(503);
		assertThat(result.getResponseBody()).contains("\"error\":\"timeout after 300 ms\"");
		assertThat(get("/health/ready").getStatus().value()).isEqualTo(503);
		assertThat(get("/health/live").getStatus().value()).isEqualTo(200);
	}

	@Test
	void handlerWhenCheckHangsThenReturnsWithoutBlockingTheCallingThread() throws Exception {
		this.faults.db.set("hang");
		ServerRequest request = ServerRequest.create(
				MockServerWebExchange.from(MockServerHttpRequest.get("/status")),
				HandlerStrategies.withDefaults().messageReaders());
		// If the handler waited for the checks, this thread would be stuck until the timeout
		// and the response would already be complete here.
		CompletableFuture<ServerResponse> response = this.routes.route(request)
			.flatMap((handler) -> handler.handle(request))
			.toFuture();
		assertThat(response).isNotDone();
		assertThat(response.get().statusCode().value()).isEqualTo(503);
		assertThat(this.faults.dbThread.get()).startsWith("health-check-");
	}

	@Test
	void healthWhenCheckIgnoresInterruptsThenRecoversAfterFaultClears() {
		this.faults.db.set("stubborn");
		for (int i = 0; i < 5; i++) {
			assertThat(get("/status").getStatus().value()).isEqualTo(503);
		}
	}

	private EntityExchangeResult<String> get(String path) {
		return this.client.get().uri(path).exchange().expectBody(String.class).returnResult();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(EntityExchangeResult<String> result) {
		return json.readValue(result.getResponseBody(), Map.class);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ObservabilityAutoConfiguration.class, HealthAutoConfiguration.class,
			EndpointsAutoConfiguration.class,
			WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class })
	@Import(FaultyChecks.class)
	static class App {

	}

}
