package dev.aisd.observability.web;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@link AutoConfiguration Auto-configuration} that hands every finished HTTP server
 * request, as Spring's {@code http.server.requests} observation measured it, to the
 * {@link CompletedRequestListener} beans.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(name = "io.micrometer.observation.ObservationHandler")
public final class RequestObservationAutoConfiguration {

	/** Order of the {@link ContainerClientErrorFilter}. */
	static final int CONTAINER_CLIENT_ERROR_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletConfiguration {

		@Bean
		ServletRequestObservationHandler observabilityServletRequestObservationHandler(
				ObjectProvider<CompletedRequestListener> listeners) {
			return new ServletRequestObservationHandler(listeners.orderedStream().toList());
		}

		/**
		 * Just inside Spring's ServerHttpObservationFilter (highest precedence + 1), so
		 * the observation sees the status the container sends.
		 */
		@Bean
		@ConditionalOnClass(FilterRegistrationBean.class)
		@ConditionalOnMissingFilterBean(ContainerClientErrorFilter.class)
		FilterRegistrationBean<ContainerClientErrorFilter> observabilityContainerClientErrorFilter() {
			FilterRegistrationBean<ContainerClientErrorFilter> registration = new FilterRegistrationBean<>(
					new ContainerClientErrorFilter());
			registration.setOrder(CONTAINER_CLIENT_ERROR_FILTER_ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveConfiguration {

		@Bean
		ReactiveRequestObservationHandler observabilityReactiveRequestObservationHandler(
				ObjectProvider<CompletedRequestListener> listeners) {
			return new ReactiveRequestObservationHandler(listeners.orderedStream().toList());
		}

	}

}
