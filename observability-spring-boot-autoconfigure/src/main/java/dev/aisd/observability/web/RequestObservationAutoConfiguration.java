package dev.aisd.observability.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletConfiguration {

		@Bean
		ServletRequestObservationHandler observabilityServletRequestObservationHandler(
				ObjectProvider<CompletedRequestListener> listeners) {
			return new ServletRequestObservationHandler(listeners.orderedStream().toList());
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
