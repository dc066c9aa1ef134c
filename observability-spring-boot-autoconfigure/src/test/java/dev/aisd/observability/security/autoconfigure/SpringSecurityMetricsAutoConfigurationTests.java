package dev.aisd.observability.security.autoconfigure;

import java.util.function.Supplier;

import dev.aisd.observability.security.SecurityMetrics;
import dev.aisd.observability.security.autoconfigure.internal.AuthenticationFailureRecorder;
import dev.aisd.observability.security.autoconfigure.internal.AuthorizationDenialRecorder;
import dev.aisd.observability.security.autoconfigure.internal.MetricsExchangeRejectedHandler;
import dev.aisd.observability.security.autoconfigure.internal.MetricsRequestRejectedHandler;
import dev.aisd.observability.test.Exposition;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationGrantedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import static org.assertj.core.api.Assertions.assertThat;

class SpringSecurityMetricsAutoConfigurationTests {

	private static final Supplier<Authentication> USER = () -> new TestingAuthenticationToken("user", "secret");

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class,
				SpringSecurityMetricsAutoConfiguration.class))
		.withUserConfiguration(RegistryConfiguration.class);

	@AfterEach
	void resetStaticCollector() {
		SecurityMetrics.reset();
	}

	@Test
	void integrationWhenSpringSecurityPresentThenRecordersAndHandlersRegistered() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(AuthenticationFailureRecorder.class)
			.hasSingleBean(AuthorizationDenialRecorder.class)
			.hasSingleBean(SpringAuthorizationEventPublisher.class)
			.hasSingleBean(MetricsRequestRejectedHandler.class)
			.doesNotHaveBean(MetricsExchangeRejectedHandler.class));
	}

	@Test
	void integrationWhenSpringSecurityAbsentThenBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(AuthenticationFailureRecorder.class)
				.doesNotHaveBean(AuthorizationDenialRecorder.class)
				.doesNotHaveBean(MetricsRequestRejectedHandler.class));
	}

	@Test
	void integrationWhenDisabledThenBacksOff() {
		this.contextRunner.withPropertyValues("observability.security-metrics.spring-security.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuthenticationFailureRecorder.class)
				.doesNotHaveBean(MetricsRequestRejectedHandler.class));
	}

	@Test
	void integrationWhenSecurityMetricsDisabledThenBacksOff() {
		this.contextRunner.withPropertyValues("observability.security-metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AuthenticationFailureRecorder.class));
	}

	@Test
	void integrationWhenUserHasOwnHandlersThenTheirsWin() {
		this.contextRunner.withUserConfiguration(UserHandlersConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(RequestRejectedHandler.class)
				.doesNotHaveBean(MetricsRequestRejectedHandler.class)
				.hasSingleBean(AuthorizationEventPublisher.class)
				.doesNotHaveBean(SpringAuthorizationEventPublisher.class);
		});
	}

	@Test
	void integrationWhenReactiveThenExchangeRejectedHandler() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class,
					SpringSecurityMetricsAutoConfiguration.class))
			.withUserConfiguration(RegistryConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MetricsExchangeRejectedHandler.class)
				.doesNotHaveBean(MetricsRequestRejectedHandler.class)
				.hasSingleBean(AuthenticationFailureRecorder.class));
	}

	@Test
	void authenticationFailureEventsWhenPublishedThenCountedByMethodAndReason() {
		this.contextRunner.run((context) -> {
			context.publishEvent(new AuthenticationFailureBadCredentialsEvent(
					UsernamePasswordAuthenticationToken.unauthenticated("who", "guess"),
					new BadCredentialsException("bad")));
			context.publishEvent(new AuthenticationFailureLockedEvent(
					UsernamePasswordAuthenticationToken.unauthenticated("who", "guess"), new LockedException("locked")));
			String text = context.getBean(PrometheusMeterRegistry.class).scrape();
			assertThat(Exposition.parse(text).value("security_auth_failures_total", "auth_method", "password",
					"failure_reason", "bad_credentials"))
				.isEqualTo(1.0);
			assertThat(Exposition.parse(text).value("security_auth_failures_total", "auth_method", "password",
					"failure_reason", "account_locked"))
				.isEqualTo(1.0);
		});
	}

	@Test
	void authorizationEventsWhenDeniedThenCountedAndWhenGrantedThenNot() {
		this.contextRunner.run((context) -> {
			MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/orders/42");
			context.publishEvent(new AuthorizationDeniedEvent<>(USER, request, new AuthorizationDecision(false)));
			context.publishEvent(new AuthorizationGrantedEvent<>(USER, request, new AuthorizationDecision(true)));
			MockHttpServletRequest hostile = new MockHttpServletRequest("X-EVIL\"}", "/a/<script>");
			context.publishEvent(new AuthorizationDeniedEvent<>(USER, hostile, new AuthorizationDecision(false)));
			String text = context.getBean(PrometheusMeterRegistry.class).scrape();
			assertThat(Exposition.parse(text).value("security_authz_denials_total", "resource", "unmatched", "action",
					"DELETE"))
				.isEqualTo(1.0);
			assertThat(Exposition.parse(text).value("security_authz_denials_total", "resource", "unmatched", "action",
					"other"))
				.isEqualTo(1.0);
			assertThat(Exposition.parse(text).value("security_authz_denials_total")).isEqualTo(2.0);
			assertThat(text).doesNotContain("/orders/42").doesNotContain("<script>");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		PrometheusMeterRegistry prometheusMeterRegistry() {
			return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandlersConfiguration {

		@Bean
		RequestRejectedHandler userRequestRejectedHandler() {
			return new HttpStatusRequestRejectedHandler(418);
		}

		@Bean
		AuthorizationEventPublisher userAuthorizationEventPublisher() {
			return new AuthorizationEventPublisher() {

				@Override
				public <T> void publishAuthorizationEvent(Supplier<Authentication> authentication, T object,
						org.springframework.security.authorization.AuthorizationResult result) {
				}

			};
		}

	}

}
