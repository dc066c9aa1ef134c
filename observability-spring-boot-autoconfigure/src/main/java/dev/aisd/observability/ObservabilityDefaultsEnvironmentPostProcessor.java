package dev.aisd.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one source of the properties the starter sets by default: each feature contributes
 * its share (metrics, tracing, logging; see the contributions for why each value is what it
 * is), and all of them land in a single property source of lowest precedence, so any value
 * the user sets anywhere wins.
 * <p>
 * Ordered right after Spring Boot's config data processing: the contributions read the
 * user's switches ({@code observability.logging.format}, the Zipkin endpoint, the
 * {@code OBS_TRACE_HISTORY} alias) from {@code application.properties}, profiles and the
 * environment, and the defaults exist before Spring Boot initialises logging.
 *
 * @since 0.1.0
 */
public final class ObservabilityDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "observabilityDefaults";

	/** Order of this post-processor: just after config data has been loaded. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	private static final List<DefaultsContribution> CONTRIBUTIONS = List.of(new MetricsDefaults(),
			new TracingDefaults(), new LoggingDefaults());

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		ClassLoader classLoader = (application != null) ? application.getClassLoader()
				: ObservabilityDefaultsEnvironmentPostProcessor.class.getClassLoader();
		boolean reactive = webApplicationType(environment, application) == WebApplicationType.REACTIVE;
		Map<String, Object> defaults = new LinkedHashMap<>();
		for (DefaultsContribution contribution : CONTRIBUTIONS) {
			contribution.contribute(environment, classLoader, reactive, defaults);
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	/**
	 * The type of web application this will be. Spring Boot binds
	 * {@code spring.main.web-application-type} to the application only after the
	 * post-processors have run, so until then the application holds the type it deduced
	 * from the class path: an application with both web stacks on it that chooses WebFlux
	 * with that property would be taken for a Servlet one.
	 */
	private static WebApplicationType webApplicationType(ConfigurableEnvironment environment,
			SpringApplication application) {
		WebApplicationType deduced = (application != null) ? application.getWebApplicationType() : null;
		try {
			// Bound like Spring Boot binds it: 'reactive' and 'REACTIVE' alike.
			return Binder.get(environment).bind("spring.main.web-application-type", WebApplicationType.class)
				.orElse(deduced);
		}
		catch (BindException ex) {
			// Not a type: Spring Boot reports it when it binds the property itself.
			return deduced;
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
