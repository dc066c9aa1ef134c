package dev.aisd.observability.metrics;

import dev.aisd.observability.ServiceName;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link AutoConfiguration Auto-configuration} of the HTTP server metrics
 * ({@link HttpRequestMetrics}) and of the {@code service} tag on every meter
 * ({@link BootHttpServerMetersAutoConfiguration} keeps Spring Boot from recording the same
 * requests as {@code http.server.requests} meters).
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "dev.aisd.observability.ObservabilityAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "observability.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ObservabilityMetricsProperties.class)
public final class HttpMetricsAutoConfiguration {

	/** Name of the customizer bean that adds the {@code service} tag. */
	public static final String SERVICE_TAG_CUSTOMIZER_BEAN_NAME = "observabilityServiceTagCustomizer";

	/** Name of the tag holding the service name on every meter. */
	public static final String SERVICE_TAG = "service";

	@Bean(SERVICE_TAG_CUSTOMIZER_BEAN_NAME)
	@ConditionalOnClass(name = "org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer")
	@ConditionalOnBooleanProperty(name = "observability.metrics.service-tag", matchIfMissing = true)
	@ConditionalOnMissingBean(name = SERVICE_TAG_CUSTOMIZER_BEAN_NAME)
	MeterRegistryCustomizer<MeterRegistry> observabilityServiceTagCustomizer(ObjectProvider<ServiceName> serviceName,
			Environment environment) {
		String name = serviceName.getIfAvailable(() -> ServiceName.resolve(environment)).value();
		return (registry) -> registry.config().commonTags(SERVICE_TAG, name);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@ConditionalOnBooleanProperty(name = "observability.metrics.http.enabled", matchIfMissing = true)
	static class HttpRequestMetricsConfiguration {

		@Bean
		@ConditionalOnBean(MeterRegistry.class)
		@ConditionalOnMissingBean
		HttpRequestMetrics observabilityHttpRequestMetrics(MeterRegistry registry,
				ObservabilityMetricsProperties properties) {
			ObservabilityMetricsProperties.Http http = properties.getHttp();
			return new HttpRequestMetrics(registry, http.getBuckets(), http.getMaxEndpoints());
		}

	}

}
