package dev.aisd.observability.web;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

class ServletRequestContextAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServletRequestContextAutoConfiguration.class));

	@Test
	void autoConfigurationWhenServletApplicationThenFiltersAroundObservationFilter() {
		this.contextRunner.run((context) -> {
			FilterRegistrationBean<?> requestId = registration(context, RequestIdFilter.class);
			assertThat(requestId.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
			assertThat(requestId.determineDispatcherTypes()).containsExactlyInAnyOrder(DispatcherType.REQUEST,
					DispatcherType.ASYNC, DispatcherType.ERROR);
			FilterRegistrationBean<?> traceHeaders = registration(context, TraceResponseHeadersFilter.class);
			// Spring Boot orders its ServerHttpObservationFilter at highest precedence + 1.
			assertThat(traceHeaders.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 2);
		});
	}

	@Test
	void autoConfigurationWhenHeaderConfiguredThenUsed() {
		this.contextRunner.withPropertyValues("observability.request-id.header=X-Correlation-ID")
			.run((context) -> assertThat(context.getBean(RequestIdProperties.class).getHeader())
				.isEqualTo("X-Correlation-ID"));
	}

	@Test
	void autoConfigurationWhenDisabledThenNoFilters() {
		this.contextRunner.withPropertyValues("observability.request-id.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void autoConfigurationWhenTracingAbsentThenNoTraceHeadersFilter() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing")).run((context) -> {
			assertThat(context.getBeanNamesForType(
					ResolvableType.forClassWithGenerics(FilterRegistrationBean.class, RequestIdFilter.class)))
				.hasSize(1);
			assertThat(context.getBeanNamesForType(ResolvableType.forClassWithGenerics(FilterRegistrationBean.class,
					TraceResponseHeadersFilter.class)))
				.isEmpty();
		});
	}

	@Test
	void autoConfigurationWhenUserDefinesRequestIdFilterThenUserFilterWins() {
		this.contextRunner.withUserConfiguration(UserFilterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(RequestIdFilter.class);
			assertThat(context.getBeanNamesForType(
					ResolvableType.forClassWithGenerics(FilterRegistrationBean.class, RequestIdFilter.class)))
				.isEmpty();
		});
	}

	@Test
	void autoConfigurationWhenReactiveApplicationThenBacksOff() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ServletRequestContextAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestIdProperties.class));
	}

	@Test
	void autoConfigurationWhenNotWebApplicationThenBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ServletRequestContextAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestIdProperties.class));
	}

	private static FilterRegistrationBean<?> registration(org.springframework.context.ApplicationContext context,
			Class<?> filterType) {
		String[] names = context
			.getBeanNamesForType(ResolvableType.forClassWithGenerics(FilterRegistrationBean.class, filterType));
		assertThat(names).hasSize(1);
		return context.getBean(names[0], FilterRegistrationBean.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserFilterConfiguration {

		@Bean
		RequestIdFilter userRequestIdFilter() {
			return new RequestIdFilter("X-Trace-Request");
		}

	}

}
