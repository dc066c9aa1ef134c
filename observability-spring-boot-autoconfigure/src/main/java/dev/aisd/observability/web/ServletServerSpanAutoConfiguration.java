package dev.aisd.observability.web;

import dev.aisd.observability.tracing.internal.ServletServerSpanConvention;
import dev.aisd.observability.web.internal.OpsTrafficObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * {@link AutoConfiguration Auto-configuration} of the Servlet request path: the
 * {@link ServletServerSpanFilter} makes the server span and reports the finished request,
 * and Spring Boot's {@link ServerHttpObservationFilter} registration is switched off, so
 * a request is observed once and without Micrometer's observation machinery. It applies
 * with the starter's tracing on and its span convention in place; with a
 * {@code ServerRequestObservationConvention} of the application's own, or with
 * {@code observability.metrics.http.boot-meters=true} (Boot's {@code http.server.requests}
 * meters need Boot's observation), Spring's observation filter stays and the starter
 * reports requests from its observation, as before.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = RequestObservationAutoConfiguration.class,
		afterName = { "dev.aisd.observability.tracing.TracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
				"org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(name = { "io.micrometer.tracing.Tracer", "io.micrometer.tracing.propagation.Propagator",
		"org.springframework.boot.web.servlet.FilterRegistrationBean",
		"org.springframework.web.filter.ServerHttpObservationFilter" })
@ConditionalOnBooleanProperty(name = "observability.traces.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "observability.metrics.http.boot-meters", havingValue = false,
		matchIfMissing = true)
@ConditionalOnBean({ Tracer.class, Propagator.class, ServletServerSpanConvention.class })
public final class ServletServerSpanAutoConfiguration {

	/** Order of the filter: where Spring Boot registers its ServerHttpObservationFilter. */
	static final int SERVER_SPAN_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	@Bean
	@ConditionalOnMissingFilterBean(ServletServerSpanFilter.class)
	FilterRegistrationBean<ServletServerSpanFilter> observabilityServerSpanFilter(Tracer tracer, Propagator propagator,
			ObjectProvider<OpsTrafficObservationPredicate> opsTraffic,
			ObjectProvider<CompletedRequestListener> listeners) {
		FilterRegistrationBean<ServletServerSpanFilter> registration = new FilterRegistrationBean<>(
				new ServletServerSpanFilter(tracer, propagator, opsTraffic.getIfAvailable(),
						listeners.orderedStream().toList()));
		registration.setOrder(SERVER_SPAN_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	// Boot's registration backs off only for a ServerHttpObservationFilter bean; ours is
	// not one, so Boot's is disabled instead (static: a post-processor must not make this
	// configuration initialise early). A user's own subclass is left alone.
	@Bean
	static BeanPostProcessor observabilityObservationFilterDisabler() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof FilterRegistrationBean<?> registration
						&& registration.getFilter() != null
						&& registration.getFilter().getClass() == ServerHttpObservationFilter.class) {
					registration.setEnabled(false);
				}
				return bean;
			}

		};
	}

}
