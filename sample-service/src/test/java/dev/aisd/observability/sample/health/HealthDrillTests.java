package dev.aisd.observability.sample.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "observability.health.cache-ttl=0ms", "observability.health.checks.database.timeout=500ms",
				"sample.security.operator-password=" + HealthDrillTests.OPERATOR_PASSWORD })
class HealthDrillTests {

	static final String OPERATOR_PASSWORD = "drill-operator";

	private static final String OPERATOR = "Basic " + java.util.Base64.getEncoder()
		.encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@AfterEach
	void clear() throws Exception {
		send("DELETE", "/api/drills/health/database");
		send("DELETE", "/api/drills/health/cache");
	}

	@Test
	void healthWhenNoFaultThenOkWithBothChecks() throws Exception {
		HttpResponse<String> health = send("GET", "/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"ok\"", "\"database\":{\"status\":\"ok\",\"critical\":true",
				"\"cache\":{\"status\":\"ok\",\"critical\":false");
	}

	@Test
	void drillWhenCacheFailsThenDegradedAndWhenDatabaseHangsThen503UntilCleared() throws Exception {
		assertThat(send("POST", "/api/drills/health/cache?fault=exception").statusCode()).isEqualTo(200);
		HttpResponse<String> degraded = send("GET", "/health");
		assertThat(degraded.statusCode()).isEqualTo(200);
		assertThat(degraded.body()).contains("\"status\":\"degraded\"", "drill: cache threw");

		assertThat(send("POST", "/api/drills/health/database?fault=hang").statusCode()).isEqualTo(200);
		HttpResponse<String> hung = send("GET", "/health");
		assertThat(hung.statusCode()).isEqualTo(503);
		assertThat(hung.body()).contains("timeout after 500 ms");
		assertThat(send("GET", "/health/ready").statusCode()).isEqualTo(503);
		assertThat(send("GET", "/health/live").statusCode()).isEqualTo(200);

		send("DELETE", "/api/drills/health/database");
		send("DELETE", "/api/drills/health/cache");
		await().atMost(Duration.ofSeconds(5)).until(() -> send("GET", "/health").statusCode() == 200);
	}

	@Test
	void drillWhenUnauthenticatedOrNotOperatorThenRefused() throws Exception {
		assertThat(send("POST", "/api/drills/health/database?fault=hang", null).statusCode()).isEqualTo(401);
		assertThat(send("DELETE", "/api/drills/health/database", null).statusCode()).isEqualTo(401);
		String demo = "Basic " + java.util.Base64.getEncoder()
			.encodeToString("demo:demo-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(send("POST", "/api/drills/health/database?fault=hang", demo).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void healthWhenAnonymousThenNoCheckDetailAndWhenOperatorThenDetail() throws Exception {
		HttpResponse<String> anonymous = send("GET", "/health", null);
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"diskSpace\":{\"status\":\"ok\"")
			.doesNotContain("\"detail\"")
			.doesNotContain("\"path\"")
			.doesNotContain("\"free\"");
		assertThat(send("GET", "/health").body()).contains("\"detail\":{", "\"free\"");
		assertThat(send("GET", "/observability/traces", null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/observability/traces").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/metrics", null).statusCode()).isEqualTo(200);
	}

	@Test
	void drillWhenUnknownCheckOrFaultThenClientError() throws Exception {
		assertThat(send("POST", "/api/drills/health/nope?fault=hang").statusCode()).isEqualTo(404);
		assertThat(send("POST", "/api/drills/health/cache?fault=explode").statusCode()).isEqualTo(400);
	}

	/** Sends as the operator, who may switch drills and see the check details. */
	private HttpResponse<String> send(String method, String path) throws Exception {
		return send(method, path, OPERATOR);
	}

	private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
