package dev.aisd.observability;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The name of this service as logs, metrics, spans and health report it.
 *
 * @param value the resolved name, never blank
 * @since 0.1.0
 */
public record ServiceName(String value) {

	/** Name used when nothing names the service. */
	public static final String UNKNOWN = "unknown-service";

	/**
	 * Resolves the service name from {@code observability.service-name} (bound like
	 * {@link ObservabilityProperties}), then {@code spring.application.name}, then the
	 * {@code SERVICE_NAME} environment variable, then {@value #UNKNOWN}. For code that runs
	 * before the properties beans exist (the log formatter).
	 * @param environment the environment to read
	 * @return the service name
	 */
	public static ServiceName resolve(Environment environment) {
		String configured = (environment instanceof ConfigurableEnvironment configurable) ? Binder.get(configurable)
			.bind("observability.service-name", String.class)
			.orElse(null) : environment.getProperty("observability.service-name");
		return resolve(configured, environment);
	}

	/**
	 * Resolves the service name from the bound {@code observability.service-name}, then
	 * {@code spring.application.name}, then the {@code SERVICE_NAME} environment variable,
	 * then {@value #UNKNOWN}.
	 * @param configured the value of {@code observability.service-name}, or {@code null}
	 * @param environment the environment to read the fallbacks from
	 * @return the service name
	 */
	public static ServiceName resolve(String configured, Environment environment) {
		String name = configured;
		if (!StringUtils.hasText(name)) {
			name = environment.getProperty("spring.application.name");
		}
		if (!StringUtils.hasText(name)) {
			name = environment.getProperty("SERVICE_NAME");
		}
		return new ServiceName(StringUtils.hasText(name) ? name.trim() : UNKNOWN);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
