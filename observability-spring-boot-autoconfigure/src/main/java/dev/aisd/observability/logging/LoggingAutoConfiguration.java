package dev.aisd.observability.logging;

import dev.aisd.observability.logging.internal.LogEventsDroppedMetrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * {@link AutoConfiguration Auto-configuration} of the {@code Handled request} line. The
 * JSON log format itself is set up before the application context exists, by
 * {@link LoggingEnvironmentPostProcessor}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.slf4j.MDC")
@ConditionalOnBooleanProperty(name = "observability.logging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LoggingProperties.class)
public final class LoggingAutoConfiguration {

	private static final String STRUCTURED_ARGUMENT_CLASS = "net.logstash.logback.argument.StructuredArgument";

	@Bean
	@ConditionalOnWebApplication
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "observability.logging.access-log.enabled", matchIfMissing = true)
	HandledRequestLogger observabilityHandledRequestLogger(LoggingProperties properties,
			ResourceLoader resourceLoader) {
		// Without logstash-logback-encoder the JSON lines come from Spring Boot's own
		// format, which ignores structured arguments: keep the fields in the message.
		boolean structuredArguments = ClassUtils.isPresent(STRUCTURED_ARGUMENT_CLASS,
				resourceLoader.getClassLoader());
		return new HandledRequestLogger(properties.getFormat() == LogFormat.TEXT || !structuredArguments);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry",
			"net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender" })
	static class DroppedEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LogEventsDroppedMetrics observabilityLogEventsDroppedMetrics() {
			return new LogEventsDroppedMetrics();
		}

	}

}
