package dev.aisd.observability;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Leaves out Spring Boot's Zipkin sender auto-configuration while the starter's default
 * keeps Zipkin export off. The starter ships the Zipkin exporter so that setting
 * {@code management.tracing.export.zipkin.endpoint} is all a user does to export; but
 * Spring Boot creates the sender (a JDK {@code HttpClient}, whose first creation costs
 * about half a second of startup on one CPU) whether or not the export is on. When the
 * user has set neither the endpoint nor {@code management.tracing.export.zipkin.enabled}
 * ({@link TracingDefaults} then switched the export off), nothing would use the sender.
 * <p>
 * A filter rather than a default of {@code spring.autoconfigure.exclude}: a user's own
 * exclusions replace a default list instead of adding to it.
 */
final class ZipkinSenderImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	static final String ZIPKIN_AUTO_CONFIGURATION = "org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean exportOffByDefault = exportOffByDefault();
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			matches[i] = !(exportOffByDefault && ZIPKIN_AUTO_CONFIGURATION.equals(autoConfigurationClasses[i]));
		}
		return matches;
	}

	private boolean exportOffByDefault() {
		if (!(this.environment instanceof ConfigurableEnvironment configurable)) {
			return false;
		}
		PropertySource<?> defaults = configurable.getPropertySources()
			.get(ObservabilityDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		// The default is there only when the user set neither switch; the resolved value
		// guards against a property added to the environment after the defaults.
		return defaults != null && "false".equals(defaults.getProperty(TracingDefaults.ZIPKIN_ENABLED))
				&& !this.environment.containsProperty(TracingDefaults.ZIPKIN_ENDPOINT)
				&& "false".equalsIgnoreCase(this.environment.getProperty(TracingDefaults.ZIPKIN_ENABLED));
	}

}
