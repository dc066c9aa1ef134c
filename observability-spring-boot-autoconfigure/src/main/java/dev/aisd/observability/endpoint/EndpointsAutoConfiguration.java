package dev.aisd.observability.endpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.aisd.observability.endpoint.internal.ReactiveEndpointRoutes;
import dev.aisd.observability.endpoint.internal.ServletEndpointRoutes;

/**
 * {@link AutoConfiguration Auto-configuration} that serves every exposed
 * {@link ObservabilityEndpoint} on the application port, through one Spring MVC or one
 * WebFlux adapter. When {@code management.server.port} separates a management port the
 * endpoints move there ({@link EndpointsManagementContextConfiguration}) unless
 * {@code observability.endpoints.application-port=true} keeps a copy here.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "dev.aisd.observability.health.HealthAutoConfiguration",
		"dev.aisd.observability.metrics.PrometheusScrapeAutoConfiguration",
		"dev.aisd.observability.tracing.TracingAutoConfiguration",
		"dev.aisd.observability.security.autoconfigure.SecurityScorecardEndpointAutoConfiguration" })
@ConditionalOnWebApplication
@EnableConfigurationProperties(EndpointsProperties.class)
public final class EndpointsAutoConfiguration {

	/** Name of the route bean that serves the endpoints on the application port. */
	public static final String ROUTES_BEAN_NAME = "observabilityEndpointRoutes";

	/** Name of the route bean that serves the endpoints on the management port. */
	public static final String MANAGEMENT_ROUTES_BEAN_NAME = "observabilityManagementEndpointRoutes";

	@Bean
	@ConditionalOnMissingBean
	ObservabilityEndpoints observabilityEndpoints(ObjectProvider<ObservabilityEndpoint> endpoints,
			EndpointsProperties properties) {
		return new ObservabilityEndpoints(endpoints.orderedStream().toList(), properties.getWeb().getExposure());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	@Conditional(OnApplicationPortCondition.class)
	static class ServletRoutesConfiguration {

		@Bean(ROUTES_BEAN_NAME)
		@ConditionalOnMissingBean(name = ROUTES_BEAN_NAME)
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> observabilityEndpointRoutes(
				ObservabilityEndpoints endpoints) {
			return ServletEndpointRoutes.routes(endpoints.all());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
	@Conditional(OnApplicationPortCondition.class)
	static class ReactiveRoutesConfiguration {

		@Bean(ROUTES_BEAN_NAME)
		@ConditionalOnMissingBean(name = ROUTES_BEAN_NAME)
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> observabilityEndpointRoutes(
				ObservabilityEndpoints endpoints) {
			return ReactiveEndpointRoutes.routes(endpoints.all());
		}

	}

	/**
	 * Matches unless the endpoints moved to a separate management port (and no copy stays
	 * on the application port).
	 */
	static final class OnApplicationPortCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			if (ObservabilityEndpoints.servedOnApplicationPort(context.getEnvironment())) {
				return ConditionOutcome.match("endpoints are served on the application port");
			}
			return ConditionOutcome.noMatch("endpoints are served on the separate management port");
		}

	}

}
