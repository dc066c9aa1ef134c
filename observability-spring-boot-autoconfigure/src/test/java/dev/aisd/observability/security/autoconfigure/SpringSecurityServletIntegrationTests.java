package dev.aisd.observability.security.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import dev.aisd.observability.test.Exposition;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security on a real Servlet server: what real requests make the integration
 * record, and the scorecard endpoint.
 */
@SpringBootTest(classes = SpringSecurityServletIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "management.otlp.metrics.export.enabled=false" })
class SpringSecurityServletIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private PrometheusMeterRegistry registry;

	@Test
	void failedBasicLoginWhenWrongPasswordOrUnknownUserThenBadCredentials() throws Exception {
		double before = authFailures("basic", "bad_credentials");
		assertThat(get("/secure/1", Map.of("Authorization", basic("user", "wrong"))).statusCode()).isEqualTo(401);
		assertThat(get("/secure/1", Map.of("Authorization", basic("nobody", "x"))).statusCode()).isEqualTo(401);
		assertThat(authFailures("basic", "bad_credentials")).isEqualTo(before + 2);
	}

	@Test
	void failedBasicLoginWhenAccountLockedThenAccountLocked() throws Exception {
		double before = authFailures("basic", "account_locked");
		assertThat(get("/secure/1", Map.of("Authorization", basic("locked", "password"))).statusCode()).isEqualTo(401);
		assertThat(authFailures("basic", "account_locked")).isEqualTo(before + 1);
	}

	@Test
	void successfulLoginWhenCorrectPasswordThenNoFailure() throws Exception {
		double before = scrapeValue("security_auth_failures_total");
		assertThat(get("/secure/1", Map.of("Authorization", basic("user", "password"))).statusCode()).isEqualTo(200);
		assertThat(scrapeValue("security_auth_failures_total")).isEqualTo(before);
	}

	@Test
	void successfulLoginWhenCorrectPasswordThenSuccessCountedLikeOnWebFlux() throws Exception {
		double before = Exposition.parse(this.registry.scrape()).value("security_auth_successes_total", "auth_method",
				"basic");
		assertThat(get("/secure/1", Map.of("Authorization", basic("user", "password"))).statusCode()).isEqualTo(200);
		assertThat(Exposition.parse(this.registry.scrape()).value("security_auth_successes_total", "auth_method", "basic"))
			.isEqualTo(before + 1);
	}

	@Test
	void denialWhenRoleMissingThenCountedByRouteTemplateAndMethod() throws Exception {
		double before = denials("/admin/things/{id}", "GET");
		assertThat(get("/admin/things/77", Map.of("Authorization", basic("user", "password"))).statusCode())
			.isEqualTo(403);
		assertThat(get("/admin/things/78", Map.of()).statusCode()).isEqualTo(401);
		assertThat(denials("/admin/things/{id}", "GET")).isEqualTo(before + 2);
		assertThat(this.registry.scrape()).doesNotContain("/admin/things/77");
	}

	@Test
	void denialWhenSecuredMethodRefusesThenCountedByMethod() throws Exception {
		double before = denials("ReportService.report", "invoke");
		assertThat(get("/api/reports/9", Map.of("Authorization", basic("user", "password"))).statusCode())
			.isEqualTo(403);
		assertThat(denials("ReportService.report", "invoke")).isEqualTo(before + 1);
	}

	@Test
	void grantWhenPermittedThenNoDenialRecorded() throws Exception {
		double before = scrapeValue("security_authz_denials_total");
		assertThat(get("/api/things/5", Map.of()).statusCode()).isEqualTo(200);
		assertThat(get("/secure/5", Map.of("Authorization", basic("user", "password"))).statusCode()).isEqualTo(200);
		assertThat(scrapeValue("security_authz_denials_total")).isEqualTo(before);
	}

	@Test
	void firewallWhenSemicolonThenRejectedAndCounted() throws Exception {
		double before = suspicious("firewall_semicolon");
		assertThat(get("/api/things;jsessionid=abc", Map.of()).statusCode()).isEqualTo(400);
		assertThat(get("/api/things/..;/secure/1", Map.of()).statusCode()).isEqualTo(400);
		assertThat(suspicious("firewall_semicolon")).isEqualTo(before + 2);
	}

	@Test
	void firewallWhenEncodedTraversalThenRejectedAndCounted() throws Exception {
		double traversal = suspicious("firewall_path_traversal");
		double percent = suspicious("firewall_encoded_percent");
		assertThat(get("/api/%2e%2e/secure/1", Map.of()).statusCode()).isEqualTo(400);
		assertThat(get("/api/things/%252e%252e", Map.of()).statusCode()).isEqualTo(400);
		assertThat(suspicious("firewall_path_traversal")).isEqualTo(traversal + 1);
		assertThat(suspicious("firewall_encoded_percent")).isEqualTo(percent + 1);
	}

	@Test
	void scorecardWhenRequestedThenSnakeCaseJson() throws Exception {
		HttpResponse<String> response = get("/observability/security/scorecard", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		ScorecardAssertions.assertContract(JsonMapper.builder().build().readTree(response.body()));
	}

	private double authFailures(String method, String reason) {
		return Exposition.parse(this.registry.scrape()).value("security_auth_failures_total", "auth_method", method,
				"failure_reason", reason);
	}

	private double denials(String resource, String action) {
		return Exposition.parse(this.registry.scrape()).value("security_authz_denials_total", "resource", resource,
				"action", action);
	}

	private double suspicious(String patternType) {
		return Exposition.parse(this.registry.scrape()).value("security_suspicious_patterns_total", "pattern_type",
				patternType);
	}

	private double scrapeValue(String name) {
		return Exposition.parse(this.registry.scrape()).value(name);
	}

	private HttpResponse<String> get(String rawPath, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + rawPath));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableMethodSecurity
	static class TestApplication {

		@Bean
		SecurityFilterChain testSecurityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/secure/**")
				.authenticated()
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll()).httpBasic(Customizer.withDefaults()).csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager testUsers() {
			return new InMemoryUserDetailsManager(
					User.withUsername("user").password("{noop}password").roles("USER").build(),
					User.withUsername("locked").password("{noop}password").roles("USER").accountLocked(true).build());
		}

		@Bean
		ReportService reportService() {
			return new ReportService();
		}

		@Bean
		ThingController thingController(ReportService reportService) {
			return new ThingController(reportService);
		}

	}

	static class ReportService {

		@PreAuthorize("hasRole('ADMIN')")
		String report(String id) {
			return "report " + id;
		}

	}

	@RestController
	static class ThingController {

		private final ReportService reportService;

		ThingController(ReportService reportService) {
			this.reportService = reportService;
		}

		@GetMapping("/api/reports/{id}")
		Map<String, String> report(@PathVariable String id) {
			return Map.of("report", this.reportService.report(id));
		}

		@GetMapping({ "/api/things", "/api/things/{id}", "/secure/{id}", "/admin/things/{id}" })
		Map<String, String> thing(@PathVariable(required = false) String id) {
			return Map.of("id", String.valueOf(id));
		}

	}

}
