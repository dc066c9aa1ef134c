package dev.aisd.observability.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.tracing.TracingAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.filter.ServerHttpObservationFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServletServerSpanAutoConfiguration}: the starter's filter replaces
 * Spring Boot's server observation filter only where it can stand in for it.
 */
class ServletServerSpanAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			ObservabilityAutoConfiguration.class, TracingAutoConfiguration.class,
			RequestObservationAutoConfiguration.class, ServletServerSpanAutoConfiguration.class,
			org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration.class,
			org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration.class,
			org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration.class,
			org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("spring.application.name=runner");

	@Test
	void servletApplicationThenOwnFilterAndBootObservationFilterDisabled() {
		this.contextRunner.run((context) -> {
			assertThat(registrations(context, ServletServerSpanFilter.class)).singleElement()
				.satisfies((registration) -> {
					assertThat(registration.isEnabled()).isTrue();
					assertThat(registration.getOrder()).isEqualTo(ServletServerSpanAutoConfiguration.SERVER_SPAN_FILTER_ORDER);
				});
			assertThat(registrations(context, ServerHttpObservationFilter.class)).singleElement()
				.satisfies((registration) -> assertThat(registration.isEnabled()).isFalse());
		});
	}

	@Test
	void bootMetersWhenOnThenBootObservationFilterKept() {
		this.contextRunner.withPropertyValues("observability.metrics.http.boot-meters=true").run((context) -> {
			assertThat(registrations(context, ServletServerSpanFilter.class)).isEmpty();
			assertThat(registrations(context, ServerHttpObservationFilter.class)).singleElement()
				.satisfies((registration) -> assertThat(registration.isEnabled()).isTrue());
		});
	}

	@Test
	void tracesWhenOffThenBootObservationFilterKept() {
		this.contextRunner.withPropertyValues("observability.traces.enabled=false").run((context) -> {
			assertThat(registrations(context, ServletServerSpanFilter.class)).isEmpty();
			assertThat(registrations(context, ServerHttpObservationFilter.class)).singleElement()
				.satisfies((registration) -> assertThat(registration.isEnabled()).isTrue());
		});
	}

	@Test
	void userConventionThenBootObservationFilterKeptAndNamesTheSpans() {
		this.contextRunner.withUserConfiguration(UserConventionConfiguration.class).run((context) -> {
			assertThat(registrations(context, ServletServerSpanFilter.class)).isEmpty();
			assertThat(registrations(context, ServerHttpObservationFilter.class)).singleElement()
				.satisfies((registration) -> assertThat(registration.isEnabled()).isTrue());
		});
	}

	@Test
	void reactiveApplicationThenNoServletFilter() {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@SuppressWarnings("rawtypes")
	private static java.util.List<FilterRegistrationBean> registrations(AssertableWebApplicationContext context,
			Class<?> filterType) {
		Map<String, FilterRegistrationBean> beans = context.getBeansOfType(FilterRegistrationBean.class);
		return beans.values().stream().filter((registration) -> filterType.isInstance(registration.getFilter())).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConventionConfiguration {

		@Bean
		ServerRequestObservationConvention userConvention() {
			return new DefaultServerRequestObservationConvention();
		}

	}

}
