package dev.aisd.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import dev.aisd.observability.logging.ObservabilityJsonFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the logging share ({@link LoggingDefaults}) of
 * {@link ObservabilityDefaultsEnvironmentPostProcessor}.
 */
class LoggingDefaultsTests {

	private final MockEnvironment environment = new MockEnvironment();

	private final SpringApplication application = new SpringApplication();

	@Test
	void postProcessWhenNothingConfiguredThenJsonFormatterAndNoBanner() {
		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);

		assertThat(this.environment.getProperty("logging.structured.format.console"))
			.isEqualTo(ObservabilityJsonFormatter.class.getName());
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
	}

	@Test
	void postProcessWhenUserSetsStructuredFormatThenUserValueWins() {
		this.environment.setProperty("logging.structured.format.console", "ecs");
		this.environment.setProperty("spring.main.banner-mode", "console");

		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);

		assertThat(this.environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isEqualTo("console");
	}

	@Test
	void postProcessWhenTextFormatThenNoStructuredFormat() {
		this.environment.setProperty("observability.logging.format", "TEXT");

		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);

		assertThat(this.environment.containsProperty("logging.structured.format.console")).isFalse();
		assertThat(this.environment.containsProperty("spring.main.banner-mode")).isFalse();
	}

	@Test
	void postProcessWhenLoggingDisabledThenNoStructuredFormat() {
		this.environment.setProperty("observability.logging.enabled", "false");

		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);

		assertThat(this.environment.containsProperty("logging.structured.format.console")).isFalse();
	}

	@Test
	void postProcessWhenLogstashEncoderAbsentThenSpringBootLogstashFormat() {
		FilteredClassLoader classLoader = new FilteredClassLoader("net.logstash.logback");

		this.application.setResourceLoader(new DefaultResourceLoader(classLoader));
		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);

		assertThat(this.environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
	}

	@Test
	void postProcessWhenLogbackAbsentThenNothingForLogging() {
		FilteredClassLoader classLoader = new FilteredClassLoader("ch.qos.logback");

		this.application.setResourceLoader(new DefaultResourceLoader(classLoader));
		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);

		assertThat(this.environment.containsProperty("logging.structured.format.console")).isFalse();
	}

	@Test
	void postProcessWhenReactiveApplicationThenAutomaticContextPropagation() {
		this.application.setWebApplicationType(WebApplicationType.REACTIVE);

		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);

		assertThat(this.environment.getProperty("spring.reactor.context-propagation")).isEqualTo("auto");
	}

	@Test
	void postProcessWhenReactiveApplicationAndUserChoseLimitedThenUserValueWins() {
		this.application.setWebApplicationType(WebApplicationType.REACTIVE);
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("user", Map.of("spring.reactor.context-propagation", "limited")));

		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);

		assertThat(this.environment.getProperty("spring.reactor.context-propagation")).isEqualTo("limited");
	}

	@Test
	void postProcessWhenBothStacksPresentAndPropertyChoosesReactiveThenAutomaticContextPropagation() {
		// Deduced from a class path with Spring MVC on it; Spring Boot binds the property
		// to the application only after the post-processors have run.
		assertThat(postProcess(WebApplicationType.SERVLET, "reactive").getProperty("spring.reactor.context-propagation"))
			.isEqualTo("auto");
	}

	@Test
	void postProcessWhenReactiveDeducedAndPropertyChoosesServletThenContextPropagationLeftAlone() {
		assertThat(postProcess(WebApplicationType.REACTIVE, "servlet").containsProperty("spring.reactor.context-propagation"))
			.isFalse();
	}

	@Test
	void postProcessWhenWebApplicationTypeIsNoTypeThenDeducedTypeCountsAndBootReportsIt() {
		assertThat(postProcess(WebApplicationType.REACTIVE, "webflux").getProperty("spring.reactor.context-propagation"))
			.isEqualTo("auto");
	}

	@Test
	void postProcessWhenServletApplicationThenContextPropagationLeftAlone() {
		this.application.setWebApplicationType(WebApplicationType.SERVLET);

		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);

		assertThat(this.environment.containsProperty("spring.reactor.context-propagation")).isFalse();
	}

	private MockEnvironment postProcess(WebApplicationType deduced, String webApplicationType) {
		this.application.setWebApplicationType(deduced);
		this.environment.setProperty("spring.main.web-application-type", webApplicationType);
		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(this.environment, this.application);
		return this.environment;
	}

}
