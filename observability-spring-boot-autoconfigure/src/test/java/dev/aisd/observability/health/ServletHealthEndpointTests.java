package dev.aisd.observability.health;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.endpoint.EndpointsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = ServletHealthEndpointTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "spring.application.name=orders", "observability.health.cache-ttl=0ms" })
class ServletHealthEndpointTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private WebApplicationContext context;

	@Autowired
	private FaultyChecks faults;

	private MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
	}

	@AfterEach
	void recover() {
		this.faults.clear();
		// Recovers within a few seconds after any fault, even a hang.
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(get("/health").status()).isEqualTo(200));
	}

	@Test
	void healthWhenAllOkThenPayloadOfTheContract() throws Exception {
		Response response = get("/health");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.cacheControl()).isEqualTo("no-store");
		Map<String, Object> body = response.json();
		assertThat(body).containsOnlyKeys("status", "service", "timestamp", "checks")
			.containsEntry("status", "ok")
			.containsEntry("service", "orders");
		assertThat((String) body.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		Map<String, Object> db = map(map(body.get("checks")).get("db"));
		assertThat(db).containsOnlyKeys("status", "critical", "duration_ms", "detail")
			.containsEntry("status", "ok")
			.containsEntry("critical", true)
			.containsEntry("detail", Map.of("fault", "none"));
		assertThat(map(map(body.get("checks")).get("cache"))).containsEntry("critical", false);
	}

	@Test
	void healthWhenNonCriticalErrorThenDegraded200AndReady() throws Exception {
		this.faults.cache.set("error");
		Response health = get("/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json()).containsEntry("status", "degraded");
		assertThat(get("/health/ready").status()).isEqualTo(200);
	}

	@Test
	void healthWhenCriticalErrorThen503AndNotReadyButLive() throws Exception {
		this.faults.db.set("error");
		Response health = get("/health");
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.json()).containsEntry("status", "error");
		assertThat(get("/health/ready").status()).isEqualTo(503);
		Response live = get("/health/live");
		assertThat(live.status()).isEqualTo(200);
		assertThat(live.json()).containsEntry("status", "ok").containsEntry("service", "orders");
	}

	@ParameterizedTest
	@ValueSource(strings = { "exception", "stackoverflow", "oom", "assertion", "null" })
	void healthWhenCheckFailsBadlyThen503WithoutStackTrace(String fault) throws Exception {
		this.faults.db.set(fault);
		Response health = get("/health");
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.body()).doesNotContain("\tat ").doesNotContain("at dev.aisd");
		Map<String, Object> db = map(map(health.json().get("checks")).get("db"));
		assertThat(db).containsEntry("status", "error");
		assertThat((String) map(db.get("detail")).get("error")).matches("java\\.lang\\.\\w+: \\w.*|health check returned null");
	}

	@ParameterizedTest
	@ValueSource(strings = { "huge", "unserializable" })
	void healthWhenDetailIsHostileThenStillValidJson(String fault) throws Exception {
		this.faults.db.set(fault);
		Response health = get("/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().length()).isLessThan(4096);
		assertThat(health.json()).containsEntry("status", "ok");
	}

	@Test
	void healthWhenCheckHangsThenTimeoutErrorAndThreadFreed() throws Exception {
		this.faults.db.set("hang");
		Response health = get("/health");
		assertThat(health.status()).isEqualTo(503);
		Map<String, Object> db = map(map(health.json().get("checks")).get("db"));
		assertThat(db).containsEntry("detail", Map.of("error", "timeout after 300 ms"));
		assertThat(((Number) db.get("duration_ms")).longValue()).isGreaterThanOrEqualTo(300);
		assertThat(get("/health/live").status()).isEqualTo(200);
		assertThat(this.faults.dbThread.get()).startsWith("health-check-");
	}

	@Test
	void healthWhenCheckIgnoresInterruptsThenNoPileUpAndRecovery() throws Exception {
		this.faults.db.set("stubborn");
		assertThat(get("/health").status()).isEqualTo(503);
		int runs = this.faults.dbRuns.get();
		for (int i = 0; i < 20; i++) {
			Response health = get("/health");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.body()).contains("timeout after 300 ms");
		}
		assertThat(this.faults.dbRuns.get()).isEqualTo(runs);
	}

	private Response get(String path) throws Exception {
		MvcResult result = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			// Waiting for checks releases the container thread (asynchronous request processing).
			result = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result)).andReturn();
		}
		return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(),
				result.getResponse().getHeader("Cache-Control"), result.getResponse().getContentAsString());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	record Response(int status, String contentType, String cacheControl, String body) {

		@SuppressWarnings("unchecked")
		Map<String, Object> json() {
			return ServletHealthEndpointTests.json.readValue(this.body, Map.class);
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ObservabilityAutoConfiguration.class, HealthAutoConfiguration.class,
			EndpointsAutoConfiguration.class,
			WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class })
	@Import(FaultyChecks.class)
	static class App {

	}

}
