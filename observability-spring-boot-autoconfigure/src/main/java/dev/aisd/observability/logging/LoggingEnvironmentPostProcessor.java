package dev.aisd.observability.logging;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * {@link EnvironmentPostProcessor} that adds the starter's logging defaults, with the
 * lowest precedence so that any value the user sets wins:
 * <ul>
 * <li>{@code logging.structured.format.console} = {@link ObservabilityJsonFormatter},
 * making Spring Boot's default logback configuration write JSON lines (unless
 * {@code observability.logging.format=text} or {@code observability.logging.enabled=false});
 * without logstash-logback-encoder on the class path, Spring Boot's own {@code logstash}
 * JSON format is used instead;</li>
 * <li>{@code spring.main.banner-mode=off} with JSON, so that stdout carries nothing but
 * JSON lines;</li>
 * <li>{@code spring.reactor.context-propagation=auto} in WebFlux applications, so that the
 * MDC follows a request across threads.</li>
 * </ul>
 * It runs before Spring Boot initialises logging, which happens before any bean exists.
 *
 * @since 0.1.0
 */
public final class LoggingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "observabilityLoggingDefaults";

	private static final String LOGBACK_CLASS = "ch.qos.logback.classic.LoggerContext";

	private static final String ENCODER_CLASS = "net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders";

	// A name, not a class literal: this class must load without logstash-logback-encoder.
	private static final String FORMATTER_CLASS = "dev.aisd.observability.logging.ObservabilityJsonFormatter";

	private final ClassLoader classLoader;

	/**
	 * Create a post-processor checking the class path of this class.
	 */
	public LoggingEnvironmentPostProcessor() {
		this(LoggingEnvironmentPostProcessor.class.getClassLoader());
	}

	LoggingEnvironmentPostProcessor(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public int getOrder() {
		// After the config data (application.yml) is loaded, so the switches can be read.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (isJson(environment) && ClassUtils.isPresent(LOGBACK_CLASS, this.classLoader)) {
			defaults.put("logging.structured.format.console",
					ClassUtils.isPresent(ENCODER_CLASS, this.classLoader) ? FORMATTER_CLASS
							: "logstash");
			defaults.put("spring.main.banner-mode", "off");
		}
		if (application != null && application.getWebApplicationType() == WebApplicationType.REACTIVE) {
			defaults.put("spring.reactor.context-propagation", "auto");
		}
		if (!defaults.isEmpty() && !environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
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
