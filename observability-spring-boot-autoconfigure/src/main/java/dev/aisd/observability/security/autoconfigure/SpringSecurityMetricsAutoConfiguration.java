package dev.aisd.observability.security.autoconfigure;

import java.util.function.Function;

import dev.aisd.observability.security.SecurityMetricsCollector;
import dev.aisd.observability.security.autoconfigure.internal.AuthenticationFailureRecorder;
import dev.aisd.observability.security.autoconfigure.internal.AuthenticationSuccessRecorder;
import dev.aisd.observability.security.autoconfigure.internal.AuthorizationDenialRecorder;
import dev.aisd.observability.security.autoconfigure.internal.MetricsExchangeRejectedHandler;
import dev.aisd.observability.security.autoconfigure.internal.MetricsRequestRejectedHandler;
import dev.aisd.observability.security.autoconfigure.internal.ReactiveRouteResolver;
import dev.aisd.observability.security.autoconfigure.internal.ReactiveSecurityObservationRecorder;
import dev.aisd.observability.security.autoconfigure.internal.ServletRouteResolver;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.server.firewall.HttpStatusExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.util.ClassUtils;

/**
 * {@link AutoConfiguration Auto-configuration} that feeds Spring Security's own events
 * into the security metrics, with no user code: authentication failures become
 * {@code security_auth_failures_total}, authorization denials
 * {@code security_authz_denials_total}, and requests the firewall rejects
 * {@code security_suspicious_patterns_total}; successful authentications
 * {@code security_auth_successes_total}, the denominator of the failure rate. On
 * WebFlux, where Spring Security publishes no such events, the outcomes are read from
 * the observations Spring Security wraps around its reactive managers.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SecurityMetricsAutoConfiguration.class)
@ConditionalOnClass(AbstractAuthenticationFailureEvent.class)
@ConditionalOnBean(SecurityMetricsCollector.class)
@ConditionalOnBooleanProperty(name = "observability.security-metrics.spring-security.enabled", matchIfMissing = true)
public final class SpringSecurityMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	AuthenticationFailureRecorder observabilityAuthenticationFailureRecorder(SecurityMetricsCollector collector) {
		return new AuthenticationFailureRecorder(collector);
	}

	@Bean
	@ConditionalOnMissingBean
	AuthenticationSuccessRecorder observabilityAuthenticationSuccessRecorder(SecurityMetricsCollector collector) {
		return new AuthenticationSuccessRecorder(collector);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = { "org.springframework.security.authentication.ObservationReactiveAuthenticationManager",
			"org.springframework.security.authorization.ObservationReactiveAuthorizationManager",
			"org.springframework.http.server.reactive.observation.ServerRequestObservationContext" })
	static class ReactiveObservationConfiguration {

		/**
		 * Registered in the application's {@code ObservationRegistry} by Boot, which also
		 * makes that registry active, so Spring Security wraps its reactive managers.
		 */
		@Bean
		@ConditionalOnMissingBean
		ReactiveSecurityObservationRecorder observabilityReactiveSecurityObservationRecorder(
				SecurityMetricsCollector collector, ListableBeanFactory beanFactory) {
			return new ReactiveSecurityObservationRecorder(collector, new ReactiveRouteResolver(beanFactory));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.authorization.event.AuthorizationDeniedEvent")
	static class AuthorizationConfiguration {

		private static final boolean WEBMVC_PRESENT = ClassUtils.isPresent(
				"org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping",
				AuthorizationConfiguration.class.getClassLoader())
				&& ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
						AuthorizationConfiguration.class.getClassLoader());

		@Bean
		@ConditionalOnMissingBean
		AuthorizationDenialRecorder observabilityAuthorizationDenialRecorder(SecurityMetricsCollector collector,
				ListableBeanFactory beanFactory) {
			Function<Object, String> routes = WEBMVC_PRESENT ? new ServletRouteResolver(beanFactory) : (request) -> null;
			return new AuthorizationDenialRecorder(collector, routes);
		}

		/**
		 * Spring Security publishes no authorization events from method security unless an
		 * {@link AuthorizationEventPublisher} bean exists; this one publishes denials only
		 * (its default), and HTTP request authorization picks it up as well.
		 */
		@Bean
		@ConditionalOnMissingBean(AuthorizationEventPublisher.class)
		SpringAuthorizationEventPublisher observabilityAuthorizationEventPublisher(
				ApplicationEventPublisher eventPublisher) {
			return new SpringAuthorizationEventPublisher(eventPublisher);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(RequestRejectedHandler.class)
	static class ServletFirewallConfiguration {

		/**
		 * Records the rejection, then answers as Spring Security does when no handler is
		 * configured: marks the observation (when observations are on) and sends a 400.
		 */
		@Bean
		@ConditionalOnMissingBean(RequestRejectedHandler.class)
		MetricsRequestRejectedHandler observabilityRequestRejectedHandler(SecurityMetricsCollector collector,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			ObservationRegistry registry = observationRegistry.getIfUnique();
			RequestRejectedHandler delegate = (registry != null && !registry.isNoop())
					? new CompositeRequestRejectedHandler(new ObservationMarkingRequestRejectedHandler(registry),
							new HttpStatusRequestRejectedHandler())
					: new HttpStatusRequestRejectedHandler();
			return new MetricsRequestRejectedHandler(collector, delegate);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(ServerExchangeRejectedHandler.class)
	static class ReactiveFirewallConfiguration {

		@Bean
		@ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
		MetricsExchangeRejectedHandler observabilityExchangeRejectedHandler(SecurityMetricsCollector collector) {
			return new MetricsExchangeRejectedHandler(collector, new HttpStatusExchangeRejectedHandler());
		}

	}

}
