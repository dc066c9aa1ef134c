package dev.aisd.observability.endpoint;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;

import dev.aisd.observability.endpoint.security.reactive.ObservabilityEndpointRequest;

/**
 * The secured endpoints on the application port of a real WebFlux server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ReactiveSecuredEndpointsIntegrationTests.App.class,
		properties = { "spring.main.web-application-type=reactive",
				"management.endpoint.health.show-details=when-authorized", "management.endpoint.health.roles=OPERATOR",
				"management.otlp.metrics.export.enabled=false", "management.tracing.export.otlp.enabled=false" })
class ReactiveSecuredEndpointsIntegrationTests extends AbstractSecuredEndpointsIntegrationTests {

	@LocalServerPort
	int port;

	@Override
	int endpointPort() {
		return this.port;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(EndpointTestApps.PingController.class)
	static class App {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http
				.authorizeExchange((exchanges) -> exchanges
					.matchers(ObservabilityEndpointRequest.toProbes(),
							ObservabilityEndpointRequest.to(ObservabilityEndpoints.METRICS, ObservabilityEndpoints.HEALTH))
					.permitAll()
					.matchers(ObservabilityEndpointRequest.toAnyEndpoint())
					.hasRole("OPERATOR")
					.anyExchange()
					.permitAll())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("operator").password("{noop}secret").roles("OPERATOR").build(),
					User.withUsername("viewer").password("{noop}secret").roles("VIEWER").build());
		}

	}

}
