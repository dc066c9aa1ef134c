package dev.aisd.observability.security.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.aisd.observability.test.Exposition;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security on a real WebFlux server: firewall rejections are recorded, and the
 * scorecard endpoint answers.
 */
@SpringBootTest(classes = SpringSecurityReactiveIntegrationTests.TestApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "management.otlp.metrics.export.enabled=false" })
class SpringSecurityReactiveIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private PrometheusMeterRegistry registry;

	@Test
	void firewallWhenSemicolonThenRejectedAndCounted() throws Exception {
		double before = Exposition.parse(this.registry.scrape()).value("security_suspicious_patterns_total",
				"pattern_type", "firewall_semicolon");
		assertThat(get("/observability/security/scorecard;jsessionid=1").statusCode()).isEqualTo(400);
		assertThat(Exposition.parse(this.registry.scrape()).value("security_suspicious_patterns_total", "pattern_type",
				"firewall_semicolon"))
			.isEqualTo(before + 1);
	}

	@Test
	void scorecardWhenRequestedThenSnakeCaseJson() throws Exception {
		HttpResponse<String> response = get("/observability/security/scorecard");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		ScorecardAssertions.assertContract(JsonMapper.builder().build().readTree(response.body()));
	}

	private HttpResponse<String> get(String rawPath) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + rawPath)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		SecurityWebFilterChain testSecurityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll()).build();
		}

	}

}
