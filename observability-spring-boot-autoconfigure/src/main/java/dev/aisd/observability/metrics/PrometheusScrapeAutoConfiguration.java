package dev.aisd.observability.metrics;

import java.util.Properties;

import dev.aisd.observability.metrics.internal.ReactiveMetricsRoutes;
import dev.aisd.observability.metrics.internal.ServletMetricsRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.prometheus.metrics.config.PrometheusPropertiesLoader;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link AutoConfiguration Auto-configuration} of the Prometheus scrape endpoint
 * ({@code GET /metrics} by default) on the application port, for Spring MVC and WebFlux.
 * The management port, when separate, gets the same endpoint from
 * {@link PrometheusScrapeManagementContextConfiguration}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ PrometheusRegistry.class, PrometheusConfig.class })
@ConditionalOnBooleanProperty(name = "observability.metrics.enabled", matchIfMissing = true)
@ConditionalOnBean(PrometheusRegistry.class)
@EnableConfigurationProperties(ObservabilityMetricsProperties.class)
public final class PrometheusScrapeAutoConfiguration {

	/** Name of the route bean of the scrape endpoint; define a bean of this name to replace it. */
	public static final String ROUTE_BEAN_NAME = "observabilityMetricsRoute";

	@Bean
	@ConditionalOnMissingBean
	PrometheusScraper observabilityPrometheusScraper(PrometheusRegistry registry,
			ObjectProvider<PrometheusConfig> config) {
		PrometheusConfig prometheusConfig = config.getIfAvailable();
		Properties properties = (prometheusConfig != null) ? prometheusConfig.prometheusProperties() : null;
		return new PrometheusScraper(registry, (properties != null) ? PrometheusPropertiesLoader.load(properties)
				: PrometheusPropertiesLoader.load());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	static class ServletRouteConfiguration {

		@Bean(ROUTE_BEAN_NAME)
		@ConditionalOnMissingBean(name = ROUTE_BEAN_NAME)
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> observabilityMetricsRoute(
				ObservabilityMetricsProperties properties, PrometheusScraper scraper) {
			return ServletMetricsRoutes.route(properties.getPath(), scraper);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
	static class ReactiveRouteConfiguration {

		@Bean(ROUTE_BEAN_NAME)
		@ConditionalOnMissingBean(name = ROUTE_BEAN_NAME)
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> observabilityMetricsRoute(
				ObservabilityMetricsProperties properties, PrometheusScraper scraper) {
			return ReactiveMetricsRoutes.route(properties.getPath(), scraper);
		}

	}

}
