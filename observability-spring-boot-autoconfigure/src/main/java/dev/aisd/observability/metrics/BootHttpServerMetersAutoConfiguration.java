package dev.aisd.observability.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} that keeps Spring Boot from recording the
 * HTTP server requests as {@code http.server.requests} meters, which
 * {@link HttpRequestMetrics} records as {@code http_requests_total} and
 * {@code http_request_duration_seconds}: Boot's meter observation handler is swapped for
 * one that handles every other observation exactly as Boot's would. Off with
 * {@code observability.metrics.http.boot-meters=true}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass({ DefaultMeterObservationHandler.class, MetricsProperties.class })
@ConditionalOnBooleanProperty(name = "observability.metrics.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "observability.metrics.http.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "observability.metrics.http.boot-meters", havingValue = false,
		matchIfMissing = true)
public final class BootHttpServerMetersAutoConfiguration {

	/** Name of Spring Boot's meter observation handler bean. */
	static final String BOOT_HANDLER_BEAN_NAME = "defaultMeterObservationHandler";

	// Boot defines its handler without @ConditionalOnMissingBean, so it cannot be backed
	// off; the post-processor swaps the instance instead (static: it must not make this
	// configuration initialise early).
	@Bean
	static BeanPostProcessor observabilityMeterObservationHandlerPostProcessor(ObjectProvider<MeterRegistry> registry,
			ObjectProvider<MetricsProperties> properties) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				// Exactly Boot's bean: a user's own handler, or a subclass, is left alone.
				if (!BOOT_HANDLER_BEAN_NAME.equals(beanName) || bean.getClass() != DefaultMeterObservationHandler.class) {
					return bean;
				}
				IgnoredMeters[] ignoredMeters = properties.getIfAvailable(MetricsProperties::new)
					.getObservations()
					.getIgnoredMeters()
					.toArray(IgnoredMeters[]::new);
				return new ServerRequestsExcludingMeterObservationHandler(registry.getObject(), ignoredMeters);
			}

		};
	}

}
