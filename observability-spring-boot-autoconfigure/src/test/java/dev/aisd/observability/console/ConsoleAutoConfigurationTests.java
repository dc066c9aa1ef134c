package dev.aisd.observability.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.endpoint.EndpointHandler;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.EndpointsAutoConfiguration;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;
import dev.aisd.observability.endpoint.ObservabilityEndpoints;
import dev.aisd.observability.health.HealthAutoConfiguration;
import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckResult;
import dev.aisd.observability.health.internal.HealthCheckEngine;
import dev.aisd.observability.health.internal.HealthTransitionHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsoleAutoConfiguration}.
 */
class ConsoleAutoConfigurationTests {

	private static final AutoConfigurations CONSOLE = AutoConfigurations.of(ObservabilityAutoConfiguration.class,
			HealthAutoConfiguration.class, ConsoleAutoConfiguration.class, EndpointsAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(CONSOLE)
		.withPropertyValues("spring.application.name=runner");

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONSOLE)
		.withPropertyValues("spring.application.name=runner");

	@Test
	void servletWhenDefaultsThenConsoleServedAtObservability() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(ObservabilityEndpoints.class).paths(ObservabilityEndpoints.CONSOLE))
			.containsExactly("/observability"));
	}

	@Test
	void reactiveWhenDefaultsThenConsoleServedAtObservability() {
		this.reactiveContextRunner.run((context) -> assertThat(
				context.getBean(ObservabilityEndpoints.class).paths(ObservabilityEndpoints.CONSOLE))
			.containsExactly("/observability"));
	}

	@Test
	void reactiveWhenPageRequestedThenHtmlWithServiceName() {
		this.reactiveContextRunner.run((context) -> {
			ObservabilityEndpoint endpoint = context.getBean(ConsoleAutoConfiguration.ENDPOINT_BEAN_NAME,
					ObservabilityEndpoint.class);
			EndpointResponse page = endpoint.handler().handle(new NoQuery()).toCompletableFuture().join();
			assertThat(page.bodyText()).contains("<h1 id=\"service\">runner</h1>")
				.contains("<span class=\"status status-ok\">ok</span>");
		});
	}

	@Test
	void pathWhenConfiguredThenServedThere() {
		this.contextRunner.withPropertyValues("observability.console.path=/ops/console")
			.run((context) -> assertThat(
					context.getBean(ObservabilityEndpoints.class).paths(ObservabilityEndpoints.CONSOLE))
				.containsExactly("/ops/console"));
	}

	@Test
	void exposureWhenConsoleExcludedThenNotServed() {
		this.contextRunner.withPropertyValues("observability.endpoints.web.exposure.exclude=console")
			.run((context) -> assertThat(
					context.getBean(ObservabilityEndpoints.class).paths(ObservabilityEndpoints.CONSOLE))
				.isEmpty());
	}

	@Test
	void enabledWhenFalseThenNoConsoleAndNoHistory() {
		this.contextRunner.withPropertyValues("observability.console.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ConsoleAutoConfiguration.ENDPOINT_BEAN_NAME);
			assertThat(context).doesNotHaveBean(HealthTransitionHistory.class);
		});
	}

	@Test
	void notAWebApplicationThenNoConsole() {
		new ApplicationContextRunner().withConfiguration(CONSOLE)
			.run((context) -> assertThat(context).doesNotHaveBean(ConsoleAutoConfiguration.class));
	}

	@Test
	void userEndpointWhenNamedLikeOursThenBacksOff() {
		this.contextRunner.withUserConfiguration(UserConsoleConfiguration.class).run((context) -> {
			assertThat(context.getBean(ConsoleAutoConfiguration.ENDPOINT_BEAN_NAME, ObservabilityEndpoint.class).path())
				.isEqualTo("/mine");
		});
	}

	@Test
	void healthHistoryWhenChecksRunThenFedByTheEngine() {
		this.contextRunner.withPropertyValues("observability.console.health-history=3").run((context) -> {
			HealthTransitionHistory history = context.getBean(HealthTransitionHistory.class);
			assertThat(history.capacity()).isEqualTo(3);
			HealthCheckEngine engine = context.getBean(HealthCheckEngine.class);
			engine.register(HealthCheckOptions.of("probe"), () -> HealthCheckResult.unhealthy(Map.of("error", "x")));
			engine.evaluate().get();
			assertThat(history.snapshot().get("probe")).singleElement()
				.satisfies((transition) -> assertThat(transition.to().value()).isEqualTo("error"));
		});
	}

	@Test
	void healthWhenDisabledThenNoHistoryButConsole() {
		this.contextRunner.withPropertyValues("observability.health.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HealthTransitionHistory.class);
			assertThat(context).hasBean(ConsoleAutoConfiguration.ENDPOINT_BEAN_NAME);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConsoleConfiguration {

		@Bean(ConsoleAutoConfiguration.ENDPOINT_BEAN_NAME)
		ObservabilityEndpoint userConsole() {
			return new ObservabilityEndpoint(ObservabilityEndpoints.CONSOLE, "/mine",
					EndpointHandler.immediate((call) -> EndpointResponse.json(200, "{}")));
		}

	}

	private static final class NoQuery implements dev.aisd.observability.endpoint.EndpointCall {

		@Override
		public String parameter(String name) {
			return null;
		}

		@Override
		public java.util.List<String> headers(String name) {
			return java.util.List.of();
		}

		@Override
		public org.springframework.boot.actuate.endpoint.SecurityContext securityContext() {
			return org.springframework.boot.actuate.endpoint.SecurityContext.NONE;
		}

	}

}
