package dev.aisd.observability.endpoint;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.aisd.observability.endpoint.security.servlet.ObservabilityEndpointRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secured endpoints on the separate management port of a real Spring MVC server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ServletSecuredEndpointsIntegrationTests.App.class,
		properties = { "spring.main.web-application-type=servlet", "management.server.port=0",
				"observability.health.show-details=when-authorized", "observability.health.roles=OPERATOR",
				"management.otlp.metrics.export.enabled=false", "management.tracing.export.otlp.enabled=false" })
class ServletSecuredEndpointsIntegrationTests extends AbstractSecuredEndpointsIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Override
	int endpointPort() {
		return this.managementPort;
	}

	@Test
	void tracesWhenApplicationPortThenNotFoundAndNotSecured() {
		assertThat(EndpointHttp.get(this.port, "/observability/traces").statusCode()).isEqualTo(404);
		assertThat(EndpointHttp.get(this.port, "/ping").statusCode()).isEqualTo(200);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EndpointTestApps.PingController.class)
	static class App {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests
					.requestMatchers(ObservabilityEndpointRequest.toProbes(),
							ObservabilityEndpointRequest.to(ObservabilityEndpoints.METRICS, ObservabilityEndpoints.HEALTH))
					.permitAll()
					.requestMatchers(ObservabilityEndpointRequest.toAnyEndpoint())
					.hasRole("OPERATOR")
					.anyRequest()
					.permitAll())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("operator").password("{noop}secret").roles("OPERATOR").build(),
					User.withUsername("viewer").password("{noop}secret").roles("VIEWER").build());
		}

	}

}
