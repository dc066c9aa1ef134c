package dev.aisd.observability;

import java.util.Locale;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Logging defaults:
 * <ul>
 * <li>{@code logging.structured.format.console} = the starter's JSON formatter, making
 * Spring Boot's default logback configuration write JSON lines (unless
 * {@code observability.logging.format=text} or {@code observability.logging.enabled=false});
 * without logstash-logback-encoder on the class path, Spring Boot's own {@code logstash}
 * JSON format is used instead;</li>
 * <li>{@code spring.main.banner-mode=off} with JSON, so that stdout carries nothing but
 * JSON lines;</li>
 * <li>{@code spring.reactor.context-propagation=auto} in WebFlux applications, so that the
 * MDC follows a request across threads.</li>
 * </ul>
 * The post-processor runs before Spring Boot initialises logging, which happens before any
 * bean exists, so the two switches are read from the environment here.
 */
final class LoggingDefaults implements DefaultsContribution {

	private static final String LOGBACK_CLASS = "ch.qos.logback.classic.LoggerContext";

	private static final String ENCODER_CLASS = "net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders";

	// A name, not a class literal: this class must load without logstash-logback-encoder.
	private static final String FORMATTER_CLASS = "dev.aisd.observability.logging.ObservabilityJsonFormatter";

	@Override
	public void contribute(ConfigurableEnvironment environment, ClassLoader classLoader, boolean reactive,
			Map<String, Object> defaults) {
		if (isJson(environment) && ClassUtils.isPresent(LOGBACK_CLASS, classLoader)) {
			defaults.put("logging.structured.format.console",
					ClassUtils.isPresent(ENCODER_CLASS, classLoader) ? FORMATTER_CLASS : "logstash");
			defaults.put("spring.main.banner-mode", "off");
		}
		if (reactive) {
			defaults.put("spring.reactor.context-propagation", "auto");
		}
	}

	private static boolean isJson(ConfigurableEnvironment environment) {
		if (!environment.getProperty("observability.logging.enabled", Boolean.class, true)) {
			return false;
		}
		String format = environment.getProperty("observability.logging.format");
		return format == null || !format.trim().toLowerCase(Locale.ROOT).equals("text");
	}

}
