package dev.aisd.observability.security.autoconfigure;

import dev.aisd.observability.security.SecurityMetrics;
import dev.aisd.observability.security.SecurityEventListener;
import dev.aisd.observability.security.SecurityMetricsCollector;
import dev.aisd.observability.security.SecurityMetricsOptions;
import dev.aisd.observability.security.autoconfigure.internal.SecurityEventLogger;
import dev.aisd.observability.security.autoconfigure.internal.SecurityMetricsInstaller;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of the {@link SecurityMetricsCollector}:
 * one collector bound to the application's {@link MeterRegistry}, also returned by
 * {@link SecurityMetrics#getSecurityMetricsCollector()} while the application runs.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration" })
@ConditionalOnClass(SecurityMetricsCollector.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "observability.security-metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SecurityMetricsProperties.class)
public final class SecurityMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SecurityMetricsCollector securityMetricsCollector(MeterRegistry registry, SecurityMetricsProperties properties,
			ObjectProvider<SecurityEventListener> eventListener) {
		SecurityMetricsOptions options = SecurityMetricsOptions.defaults()
			.withMaxLabelValues(properties.getMaxLabelValues())
			.withRollingWindowSize(properties.getRollingWindowSize())
			.withRollingWindowDuration(properties.getRollingWindowDuration())
			.withClock(registry.config().clock())
			.withEventListener(eventListener.getIfUnique());
		return new SecurityMetricsCollector(registry, options);
	}

	/**
	 * One JSON log line per security event; a user's own {@link SecurityEventListener}
	 * bean replaces it.
	 */
	@Bean
	@ConditionalOnMissingBean(SecurityEventListener.class)
	@ConditionalOnBooleanProperty(name = "observability.security-metrics.event-log.enabled", matchIfMissing = true)
	SecurityEventLogger securityEventLogger() {
		return new SecurityEventLogger();
	}

	@Bean
	@ConditionalOnMissingBean
	SecurityMetricsInstaller securityMetricsInstaller(SecurityMetricsCollector collector) {
		return new SecurityMetricsInstaller(collector);
	}

}
