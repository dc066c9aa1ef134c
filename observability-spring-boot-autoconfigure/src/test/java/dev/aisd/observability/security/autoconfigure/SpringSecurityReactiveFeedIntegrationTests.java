package dev.aisd.observability.security.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.time.Duration;
import java.util.List;

import dev.aisd.observability.test.Exposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reactive Spring Security on a real WebFlux server feeds the catalogue with no user
 * code, with the labels of the Servlet integration: proven by scraping {@code /metrics}
 * over HTTP after real requests (a wrong password, a locked account, a denied path), and
 * by parsing the JSON security event lines.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = SpringSecurityReactiveFeedIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "management.otlp.metrics.export.enabled=false" })
class SpringSecurityReactiveFeedIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void failedBasicLoginWhenWrongPasswordOrUnknownUserThenBadCredentialsScraped() throws Exception {
		double before = metric("security_auth_failures_total", "auth_method", "basic", "failure_reason",
				"bad_credentials");
		assertThat(get("/secure/1", basic("user", "wrong")).statusCode()).isEqualTo(401);
		assertThat(get("/secure/1", basic("nobody", "x")).statusCode()).isEqualTo(401);
		assertThat(metric("security_auth_failures_total", "auth_method", "basic", "failure_reason", "bad_credentials"))
			.isEqualTo(before + 2);
	}

	@Test
	void failedBasicLoginWhenAccountLockedThenAccountLockedScraped() throws Exception {
		double before = metric("security_auth_failures_total", "auth_method", "basic", "failure_reason",
				"account_locked");
		assertThat(get("/secure/1", basic("locked", "password")).statusCode()).isEqualTo(401);
		assertThat(metric("security_auth_failures_total", "auth_method", "basic", "failure_reason", "account_locked"))
			.isEqualTo(before + 1);
	}

	@Test
	void successfulLoginWhenCorrectPasswordThenSuccessScrapedAndNoFailure() throws Exception {
		double failures = metric("security_auth_failures_total");
		double successes = metric("security_auth_successes_total", "auth_method", "basic");
		assertThat(get("/secure/1", basic("user", "password")).statusCode()).isEqualTo(200);
		assertThat(metric("security_auth_failures_total")).isEqualTo(failures);
		assertThat(metric("security_auth_successes_total", "auth_method", "basic")).isEqualTo(successes + 1);
	}

	@Test
	void denialWhenRoleMissingThenCountedByRouteTemplateAndMethodScraped() throws Exception {
		double before = metric("security_authz_denials_total", "resource", "/admin/things/{id}", "action", "GET");
		assertThat(get("/admin/things/77", basic("user", "password")).statusCode()).isEqualTo(403);
		assertThat(get("/admin/things/78", basic("user", "password")).statusCode()).isEqualTo(403);
		assertThat(metric("security_authz_denials_total", "resource", "/admin/things/{id}", "action", "GET"))
			.isEqualTo(before + 2);
	}

	@Test
	void denialWhenNoRouteMatchesThenUnmatchedNotTheRawPath() throws Exception {
		double before = metric("security_authz_denials_total", "resource", "unmatched", "action", "GET");
		assertThat(get("/admin/nothing/here", basic("user", "password")).statusCode()).isEqualTo(403);
		assertThat(metric("security_authz_denials_total", "resource", "unmatched", "action", "GET"))
			.isEqualTo(before + 1);
		assertThat(scrape()).doesNotContain("/admin/nothing/here");
	}

	@Test
	void eventLogWhenLoginFailsAndAccessDeniedThenOneOwaspJsonLineEach(CapturedOutput output) throws Exception {
		assertThat(get("/secure/2", basic("user", "bad-password")).statusCode()).isEqualTo(401);
		assertThat(get("/admin/things/5", basic("user", "password")).statusCode()).isEqualTo(403);
		// The lines are written by the asynchronous console's background thread.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(securityEvents(output)).anySatisfy((line) -> {
				assertThat(line.get("event").asString()).isEqualTo("authn_login_fail");
				assertThat(line.get("event_level").asString()).isEqualTo("WARN");
				assertThat(line.get("level").asString()).isEqualTo("WARN");
				assertThat(line.get("auth_method").asString()).isEqualTo("basic");
				assertThat(line.get("failure_reason").asString()).isEqualTo("bad_credentials");
			});
			assertThat(securityEvents(output)).anySatisfy((line) -> {
				assertThat(line.get("event").asString()).isEqualTo("authz_fail");
				assertThat(line.get("event_level").asString()).isEqualTo("CRITICAL");
				assertThat(line.get("level").asString()).isEqualTo("ERROR");
				assertThat(line.get("resource").asString()).isEqualTo("/admin/things/{id}");
				assertThat(line.get("action").asString()).isEqualTo("GET");
			});
		});
		// Nothing sensitive: the password never reaches the log.
		assertThat(output.getOut()).doesNotContain("bad-password");
	}

	private static List<JsonNode> securityEvents(CapturedOutput output) {
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> events = new ArrayList<>();
		for (String line : output.getOut().split("\\R")) {
			if (line.startsWith("{") && line.contains("\"security.events\"") || line.contains("\"event\":")) {
				JsonNode node = mapper.readTree(line);
				if (node.has("event") && "dev.aisd.observability.security.events".equals(node.path("logger").asString())) {
					events.add(node);
				}
			}
		}
		return events;
	}

	private double metric(String name, String... labels) throws Exception {
		return Exposition.parse(scrape()).value(name, labels);
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = get("/metrics", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		SecurityWebFilterChain testSecurityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges.pathMatchers("/admin/**")
					.hasRole("ADMIN")
					.pathMatchers("/secure/**")
					.authenticated()
					.anyExchange()
					.permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		MapReactiveUserDetailsService testUsers() {
			return new MapReactiveUserDetailsService(
					User.withUsername("user").password("{noop}password").roles("USER").build(),
					User.withUsername("locked").password("{noop}password").roles("USER").accountLocked(true).build());
		}

		@Bean
		ThingController thingController() {
			return new ThingController();
		}

	}

	@RestController
	static class ThingController {

		@GetMapping("/secure/{id}")
		String secure(@PathVariable String id) {
			return "secure " + id;
		}

		@GetMapping("/admin/things/{id}")
		String adminThing(@PathVariable String id) {
			return "thing " + id;
		}

	}

}
