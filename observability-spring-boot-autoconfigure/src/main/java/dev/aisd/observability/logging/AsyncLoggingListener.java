package dev.aisd.observability.logging;

import java.time.Duration;

import ch.qos.logback.classic.LoggerContext;
import dev.aisd.observability.logging.internal.AsyncConsoleInstaller;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Makes the console log asynchronous right after Spring Boot has initialised logging:
 * Spring Boot's {@code CONSOLE} appender is moved behind a bounded, Disruptor-based
 * asynchronous appender of logstash-logback-encoder, whose dropped lines are counted in
 * {@code observability_log_events_dropped_total}. It applies only to Spring Boot's own
 * logback configuration (a {@code logback-spring.xml} of the user names its own
 * appenders and is left alone), and only when {@code observability.logging.enabled} and
 * {@code observability.logging.async.enabled} are true (the defaults). Lines still
 * queued are written when logging shuts down with the application.
 *
 * @since 0.1.0
 */
public final class AsyncLoggingListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private static final String ASYNC_APPENDER_CLASS = "net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender";

	private static final String LOGBACK_CLASS = "ch.qos.logback.classic.LoggerContext";

	private static final String[] LOGBACK_CONFIG_FILES = { "logback-test.groovy", "logback-test.xml", "logback.groovy",
			"logback.xml", "logback-test-spring.groovy", "logback-test-spring.xml", "logback-spring.groovy",
			"logback-spring.xml" };

	@Override
	public int getOrder() {
		// Right after Spring Boot has initialised the logging system.
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ClassLoader classLoader = event.getSpringApplication().getClassLoader();
		if (!ClassUtils.isPresent(LOGBACK_CLASS, classLoader) || !ClassUtils.isPresent(ASYNC_APPENDER_CLASS, classLoader)) {
			return;
		}
		ConfigurableEnvironment environment = event.getEnvironment();
		Binder binder = Binder.get(environment);
		if (!binder.bind("observability.logging.enabled", Boolean.class).orElse(true)
				|| !binder.bind("observability.logging.async.enabled", Boolean.class).orElse(true)
				|| usesOwnConfiguration(environment, classLoader)) {
			return;
		}
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (!(factory instanceof LoggerContext context)) {
			return;
		}
		LoggingProperties.Async defaults = new LoggingProperties.Async();
		int queueSize = binder.bind("observability.logging.async.queue-size", Integer.class)
			.orElse(defaults.getQueueSize());
		Duration appendTimeout = binder.bind("observability.logging.async.append-timeout", Duration.class)
			.orElse(defaults.getAppendTimeout());
		Duration flushInterval = binder.bind("observability.logging.async.flush-interval", Duration.class)
			.orElse(defaults.getFlushInterval());
		AsyncConsoleInstaller.install(context, queueSize, appendTimeout, flushInterval);
	}

	private static boolean usesOwnConfiguration(ConfigurableEnvironment environment, ClassLoader classLoader) {
		if (environment.containsProperty("logging.config")) {
			return true;
		}
		ClassLoader loader = (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
		for (String file : LOGBACK_CONFIG_FILES) {
			if (loader.getResource(file) != null) {
				return true;
			}
		}
		return false;
	}

}
