package dev.aisd.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityDefaultsEnvironmentPostProcessorTests {

	private final ObservabilityDefaultsEnvironmentPostProcessor postProcessor = new ObservabilityDefaultsEnvironmentPostProcessor();

	@Test
	void postProcessEnvironmentWhenUnsetThenOtlpMetricsPushIsOff() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("false");
	}

	@Test
	void postProcessEnvironmentWhenUnsetThenExemplarsStayOffSummaries() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(
				"management.prometheus.metrics.export.properties.io.prometheus.exporter.exemplarsOnAllMetricTypes"))
			.isEqualTo("false");
	}

	@Test
	void postProcessEnvironmentWhenUnsetThenOnlyW3cTraceContextIsRead() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.propagation.consume")).isEqualTo("W3C");
		assertThat(environment.getProperty("management.tracing.baggage.enabled")).isEqualTo("false");
	}

	@Test
	void postProcessEnvironmentWhenUserSetsValueThenUserWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("user", Map.of("management.otlp.metrics.export.enabled", "true")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.otlp.metrics.export.enabled")).isEqualTo("true");
	}

	@Test
	void postProcessEnvironmentWhenCalledTwiceThenAddsOneSource() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		int sources = environment.getPropertySources().size();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().size()).isEqualTo(sources);
	}

	@Test
	void getOrderWhenComparedWithConfigDataThenRunsRightAfterIt() {
		assertThat(this.postProcessor.getOrder()).isGreaterThan(ConfigDataEnvironmentPostProcessor.ORDER)
			.isLessThan(Ordered.LOWEST_PRECEDENCE);
	}

	@Test
	void postProcessEnvironmentWhenConfigDataSetsSwitchThenContributionsSeeIt() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addLast(new MapPropertySource("application.properties", Map.of("observability.logging.format", "text")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().stream().map(PropertySource::getName))
			.containsSequence("application.properties", ObservabilityDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		assertThat(environment.containsProperty("logging.structured.format.console")).isFalse();
	}

}
