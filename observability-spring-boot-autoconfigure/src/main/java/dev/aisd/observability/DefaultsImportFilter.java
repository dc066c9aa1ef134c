package dev.aisd.observability;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Leaves out the Spring Boot auto-configurations that the starter's defaults switched off,
 * before Spring Boot reads them: an auto-configuration that passes the import filters is
 * parsed, its nested classes and conditions evaluated and its classes loaded, only for a
 * switch to reject it or its beans to do nothing. Each {@link Rule} names one
 * auto-configuration and the switch that {@link ObservabilityDefaultsEnvironmentPostProcessor}
 * set to {@code false}; the auto-configuration is left out only while that default is in
 * force (the user set neither the switch nor, where the rule names them, the properties
 * that would turn the feature on), so any setting of the user brings Spring Boot's back.
 * <ul>
 * <li>Spring Boot's Zipkin sender: the starter ships the Zipkin exporter so that setting
 * {@code management.tracing.export.zipkin.endpoint} is all a user does to export, but
 * Spring Boot creates the sender (a JDK {@code HttpClient}, whose first creation costs
 * about half a second of startup on one CPU) whether or not the export is on
 * ({@link TracingDefaults}).</li>
 * <li>The OTLP metrics registry that {@code spring-boot-starter-opentelemetry} brings, which
 * {@link MetricsDefaults} switches off: Spring Boot would read it and then reject it.</li>
 * </ul>
 * A filter rather than a default of {@code spring.autoconfigure.exclude}: a user's own
 * exclusions replace a default list instead of adding to it.
 */
final class DefaultsImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	static final Rule ZIPKIN_SENDER = new Rule("org.springframework.boot.zipkin.autoconfigure.ZipkinAutoConfiguration",
			TracingDefaults.ZIPKIN_ENABLED, List.of(TracingDefaults.ZIPKIN_ENDPOINT));

	static final Rule OTLP_METRICS = new Rule(
			"org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration",
			MetricsDefaults.OTLP_METRICS_ENABLED, List.of());

	static final List<Rule> RULES = List.of(ZIPKIN_SENDER, OTLP_METRICS);

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		PropertySource<?> defaults = defaults();
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			matches[i] = true;
			if (defaults == null) {
				continue;
			}
			for (Rule rule : RULES) {
				if (rule.autoConfiguration().equals(autoConfigurationClasses[i])) {
					matches[i] = !rule.switchedOffByDefault(defaults, this.environment);
					break;
				}
			}
		}
		return matches;
	}

	private PropertySource<?> defaults() {
		if (this.environment instanceof ConfigurableEnvironment configurable) {
			return configurable.getPropertySources().get(ObservabilityDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		}
		return null;
	}

	/**
	 * One auto-configuration that the starter's defaults make useless.
	 *
	 * @param autoConfiguration the class name of the auto-configuration
	 * @param switchProperty the property that the defaults set to {@code false}
	 * @param userProperties properties whose presence means the user wants the feature
	 */
	record Rule(String autoConfiguration, String switchProperty, List<String> userProperties) {

		boolean switchedOffByDefault(PropertySource<?> defaults, Environment environment) {
			if (!"false".equals(defaults.getProperty(this.switchProperty))) {
				return false;
			}
			for (String property : this.userProperties) {
				if (environment.containsProperty(property)) {
					return false;
				}
			}
			// The resolved value guards against a property added to the environment after
			// the defaults.
			return "false".equalsIgnoreCase(environment.getProperty(this.switchProperty));
		}

	}

}
