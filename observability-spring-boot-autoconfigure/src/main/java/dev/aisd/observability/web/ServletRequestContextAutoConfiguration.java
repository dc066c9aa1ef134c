package dev.aisd.observability.web;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@link AutoConfiguration Auto-configuration} of the request context of Servlet
 * applications: the request id and the trace response headers.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(FilterRegistrationBean.class)
@ConditionalOnBooleanProperty(name = "observability.request-id.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RequestIdProperties.class)
public final class ServletRequestContextAutoConfiguration {

	/**
	 * Order of the request id filter: outside Spring's ServerHttpObservationFilter
	 * (highest precedence + 1), so the request id is set before the observation starts
	 * and is still in the MDC when it stops.
	 */
	static final int REQUEST_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	/**
	 * Order of the trace headers filter: just inside ServerHttpObservationFilter, whose
	 * observation owns the server span.
	 */
	static final int TRACE_HEADERS_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	@Bean
	@ConditionalOnMissingFilterBean(RequestIdFilter.class)
	FilterRegistrationBean<RequestIdFilter> observabilityRequestIdFilter(RequestIdProperties properties) {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(
				new RequestIdFilter(properties.getHeader()));
		registration.setOrder(REQUEST_ID_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.tracing.handler.TracingObservationHandler")
	static class TraceResponseHeadersConfiguration {

		@Bean
		@ConditionalOnMissingFilterBean(TraceResponseHeadersFilter.class)
		FilterRegistrationBean<TraceResponseHeadersFilter> observabilityTraceResponseHeadersFilter() {
			FilterRegistrationBean<TraceResponseHeadersFilter> registration = new FilterRegistrationBean<>(
					new TraceResponseHeadersFilter());
			registration.setOrder(TRACE_HEADERS_FILTER_ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
			return registration;
		}

	}

}
