package dev.aisd.observability.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

class ReactiveRequestContextAutoConfigurationTests {

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveRequestContextAutoConfiguration.class));

	@Test
	void autoConfigurationWhenReactiveApplicationThenWebFilterJustInsideTheServerSpanFilter() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RequestIdWebFilter.class);
			assertThat(context.getBean(RequestIdWebFilter.class).getOrder())
				.isEqualTo(ReactiveServerSpanFilter.ORDER + 1)
				.isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1);
		});
	}

	@Test
	void autoConfigurationWhenDisabledThenNoWebFilter() {
		this.contextRunner.withPropertyValues("observability.request-id.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestIdWebFilter.class));
	}

	@Test
	void autoConfigurationWhenUserDefinesWebFilterThenUserFilterWins() {
		this.contextRunner.withUserConfiguration(UserWebFilterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(RequestIdWebFilter.class);
			assertThat(context).hasBean("userRequestIdWebFilter");
		});
	}

	@Test
	void autoConfigurationWhenServletApplicationThenBacksOff() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReactiveRequestContextAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RequestIdWebFilter.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserWebFilterConfiguration {

		@Bean
		RequestIdWebFilter userRequestIdWebFilter() {
			return new RequestIdWebFilter("X-Other", false);
		}

	}

}
