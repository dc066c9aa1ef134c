package dev.aisd.observability.metrics;

import dev.aisd.observability.metrics.internal.ReactiveMetricsRoutes;
import dev.aisd.observability.metrics.internal.ServletMetricsRoutes;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link ManagementContextConfiguration Management context configuration} that serves the
 * Prometheus scrape endpoint on {@code management.server.port} too when that port differs
 * from the application's.
 *
 * @since 0.1.0
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "observability.metrics.enabled", matchIfMissing = true)
@ConditionalOnBean(PrometheusScraper.class)
public final class PrometheusScrapeManagementContextConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	static class ServletRouteConfiguration {

		@Bean
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> observabilityManagementMetricsRoute(
				ObservabilityMetricsProperties properties, PrometheusScraper scraper) {
			return ServletMetricsRoutes.route(properties.getPath(), scraper);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
	static class ReactiveRouteConfiguration {

		@Bean
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> observabilityManagementMetricsRoute(
				ObservabilityMetricsProperties properties, PrometheusScraper scraper) {
			return ReactiveMetricsRoutes.route(properties.getPath(), scraper);
		}

	}

}
