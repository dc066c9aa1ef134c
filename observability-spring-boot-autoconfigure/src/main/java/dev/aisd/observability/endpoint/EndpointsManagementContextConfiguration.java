package dev.aisd.observability.endpoint;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.aisd.observability.endpoint.internal.ReactiveEndpointRoutes;
import dev.aisd.observability.endpoint.internal.ServletEndpointRoutes;

/**
 * {@link ManagementContextConfiguration Management context configuration} that serves the
 * exposed endpoints on {@code management.server.port} when that port differs from the
 * application's; the endpoint beans themselves live in the application context.
 *
 * @since 0.1.0
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnBean(ObservabilityEndpoints.class)
public final class EndpointsManagementContextConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	static class ServletRoutesConfiguration {

		@Bean(EndpointsAutoConfiguration.MANAGEMENT_ROUTES_BEAN_NAME)
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> observabilityManagementEndpointRoutes(
				ObservabilityEndpoints endpoints) {
			return ServletEndpointRoutes.routes(endpoints.all());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
	static class ReactiveRoutesConfiguration {

		@Bean(EndpointsAutoConfiguration.MANAGEMENT_ROUTES_BEAN_NAME)
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> observabilityManagementEndpointRoutes(
				ObservabilityEndpoints endpoints) {
			return ReactiveEndpointRoutes.routes(endpoints.all());
		}

	}

}
