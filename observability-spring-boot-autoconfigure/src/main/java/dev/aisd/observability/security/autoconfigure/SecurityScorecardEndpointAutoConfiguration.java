package dev.aisd.observability.security.autoconfigure;

import java.time.Clock;
import java.time.Instant;

import dev.aisd.observability.security.SecurityKpis;
import dev.aisd.observability.security.SecurityMetricsCollector;
import dev.aisd.observability.security.autoconfigure.internal.ScorecardJson;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;

/**
 * {@link AutoConfiguration Auto-configuration} of {@code GET
 * /observability/security/scorecard}: the scorecard of the live KPIs
 * ({@link SecurityMetricsCollector#currentKpis()}) as JSON, for Spring MVC and WebFlux
 * (functional routes, so no controller is scanned).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SecurityMetricsAutoConfiguration.class)
@ConditionalOnBean(SecurityMetricsCollector.class)
@ConditionalOnBooleanProperty(name = "observability.security-metrics.scorecard-enabled", matchIfMissing = true)
public final class SecurityScorecardEndpointAutoConfiguration {

	/** Name of the route bean, for a user who wants to replace it. */
	public static final String ROUTER_BEAN_NAME = "securityScorecardRouterFunction";

	static byte[] scorecard(SecurityMetricsCollector collector) {
		SecurityKpis kpis = collector.currentKpis();
		return ScorecardJson.render(collector.generateScorecard(kpis), kpis, Instant.now(Clock.systemUTC()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	static class ServletConfiguration {

		@Bean(ROUTER_BEAN_NAME)
		@ConditionalOnMissingBean(name = ROUTER_BEAN_NAME)
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> securityScorecardRouterFunction(
				SecurityMetricsCollector collector, SecurityMetricsProperties properties) {
			return org.springframework.web.servlet.function.RouterFunctions.route()
				.GET(properties.getScorecardPath(),
						(request) -> org.springframework.web.servlet.function.ServerResponse.ok()
							.contentType(MediaType.APPLICATION_JSON)
							.cacheControl(CacheControl.noStore())
							.build((servletRequest, servletResponse) -> {
								byte[] body = scorecard(collector);
								servletResponse.setContentLength(body.length);
								servletResponse.getOutputStream().write(body);
								return null;
							}))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
	static class ReactiveConfiguration {

		@Bean(ROUTER_BEAN_NAME)
		@ConditionalOnMissingBean(name = ROUTER_BEAN_NAME)
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> securityScorecardRouterFunction(
				SecurityMetricsCollector collector, SecurityMetricsProperties properties) {
			return org.springframework.web.reactive.function.server.RouterFunctions.route()
				.GET(properties.getScorecardPath(),
						(request) -> org.springframework.web.reactive.function.server.ServerResponse.ok()
							.contentType(MediaType.APPLICATION_JSON)
							.cacheControl(CacheControl.noStore())
							.bodyValue(scorecard(collector)))
				.build();
		}

	}

}
