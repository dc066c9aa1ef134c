package dev.aisd.observability.web;

import java.util.List;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.tracing.TracingAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReactiveServerSpanAutoConfiguration}: the starter's filter replaces
 * Spring's server observation only where it can stand in for it.
 */
class ReactiveServerSpanAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			ObservabilityAutoConfiguration.class, TracingAutoConfiguration.class,
			RequestObservationAutoConfiguration.class, ReactiveServerSpanAutoConfiguration.class,
			org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration.class,
			org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration.class,
			org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration.class,
			org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration.class,
			org.springframework.boot.webflux.autoconfigure.WebFluxObservationAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("spring.application.name=runner");

	@Test
	void reactiveApplicationThenOwnFilterFirstAndServerObservationOff() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveServerSpanFilter.class);
			assertThat(context.getBean(ReactiveServerSpanFilter.class).getOrder())
				.isLessThan(new RequestIdWebFilter("X-Request-ID", true).getOrder());
			assertThat(context).hasBean("observabilityServerObservationDisabler");
		});
	}

	@Test
	void userFilterThenOursBacksOff() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveServerSpanFilter.class);
			assertThat(context).hasBean("userFilter");
		});
	}

	@Test
	void bootMetersWhenOnThenServerObservationKept() {
		this.contextRunner.withPropertyValues("observability.metrics.http.boot-meters=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveServerSpanFilter.class)
				.doesNotHaveBean(WebHttpHandlerBuilderCustomizer.class));
	}

	@Test
	void tracesWhenOffThenServerObservationKept() {
		this.contextRunner.withPropertyValues("observability.traces.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveServerSpanFilter.class)
				.doesNotHaveBean(WebHttpHandlerBuilderCustomizer.class));
	}

	@Test
	void userConventionThenServerObservationKept() {
		this.contextRunner.withUserConfiguration(UserConventionConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveServerSpanFilter.class)
				.doesNotHaveBean(WebHttpHandlerBuilderCustomizer.class));
	}

	@Test
	void servletApplicationThenNoReactiveFilter() {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveServerSpanFilter.class)
				.doesNotHaveBean(WebHttpHandlerBuilderCustomizer.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConventionConfiguration {

		@Bean
		ServerRequestObservationConvention userConvention() {
			return new DefaultServerRequestObservationConvention();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		ReactiveServerSpanFilter userFilter(io.micrometer.tracing.Tracer tracer,
				io.micrometer.tracing.propagation.Propagator propagator) {
			return new ReactiveServerSpanFilter(tracer, propagator, null, List.of());
		}

	}

}
