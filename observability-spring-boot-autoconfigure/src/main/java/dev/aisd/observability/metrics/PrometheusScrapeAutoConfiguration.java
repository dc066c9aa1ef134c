package dev.aisd.observability.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.aisd.observability.endpoint.EndpointHandler;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;
import dev.aisd.observability.endpoint.ObservabilityEndpoints;

/**
 * {@link AutoConfiguration Auto-configuration} of the Prometheus scrape endpoint
 * ({@code GET /metrics} by default), an {@link ObservabilityEndpoint} served like the
 * others on the application or the management port, on Spring MVC and WebFlux. Spring
 * Boot's {@link PrometheusScrapeEndpoint} renders it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ PrometheusRegistry.class, PrometheusConfig.class, PrometheusScrapeEndpoint.class })
@ConditionalOnBooleanProperty(name = "observability.metrics.enabled", matchIfMissing = true)
@ConditionalOnBean(PrometheusRegistry.class)
@EnableConfigurationProperties(ObservabilityMetricsProperties.class)
public final class PrometheusScrapeAutoConfiguration {

	/** Name of the endpoint bean; define a bean of this name to replace it. */
	public static final String ENDPOINT_BEAN_NAME = "observabilityMetricsEndpoint";

	@Bean
	@ConditionalOnMissingBean
	PrometheusScraper observabilityPrometheusScraper(PrometheusRegistry registry,
			ObjectProvider<PrometheusScrapeEndpoint> bootEndpoint, ObjectProvider<PrometheusConfig> config) {
		// Spring Boot's own endpoint when /actuator/prometheus is exposed, so both share
		// its buffer-size estimate; else one of ours over the same registry.
		PrometheusScrapeEndpoint endpoint = bootEndpoint.getIfAvailable();
		if (endpoint != null) {
			return new PrometheusScraper(endpoint);
		}
		PrometheusConfig prometheusConfig = config.getIfAvailable();
		return new PrometheusScraper(registry,
				(prometheusConfig != null) ? prometheusConfig.prometheusProperties() : null);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class EndpointConfiguration {

		@Bean(ENDPOINT_BEAN_NAME)
		@ConditionalOnMissingBean(name = ENDPOINT_BEAN_NAME)
		ObservabilityEndpoint observabilityMetricsEndpoint(ObservabilityMetricsProperties properties,
				PrometheusScraper scraper) {
			return new ObservabilityEndpoint(ObservabilityEndpoints.METRICS, properties.getPath(),
					EndpointHandler.immediate((call) -> scraper.scrapeAccepting(call.headers("Accept"))));
		}

	}

}
