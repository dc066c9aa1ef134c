package dev.aisd.observability;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the tracing share ({@link TracingDefaults}) of
 * {@link ObservabilityDefaultsEnvironmentPostProcessor}.
 */
class TracingDefaultsTests {

	private final ObservabilityDefaultsEnvironmentPostProcessor processor = new ObservabilityDefaultsEnvironmentPostProcessor();

	@Test
	void postProcessWhenBaggageUnsetThenBaggageOff() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.baggage.enabled")).isEqualTo("false");
	}

	@Test
	void postProcessWhenBaggageEnabledByUserThenUserWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("management.tracing.baggage.enabled", "true");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.baggage.enabled")).isEqualTo("true");
	}

	@Test
	void postProcessWhenNoEndpointThenZipkinExportOffByDefault() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("false");
	}

	@Test
	void postProcessWhenEndpointSetThenUntouched() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("management.tracing.export.zipkin.endpoint", "http://zipkin:9411/api/v2/spans");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.export.zipkin.enabled")).isNull();
	}

	@Test
	void postProcessWhenEnabledExplicitlyThenUntouched() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("management.tracing.export.zipkin.enabled", "true");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.tracing.export.zipkin.enabled")).isEqualTo("true");
	}

	@Test
	void postProcessWhenZipkinExporterAbsentThenUntouched() {
		StandardEnvironment environment = new StandardEnvironment();
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(
				new FilteredClassLoader("io.opentelemetry.exporter.zipkin")));
		this.processor.postProcessEnvironment(environment, application);
		assertThat(environment.getProperty("management.tracing.export.zipkin.enabled")).isNull();
	}

	@Test
	void postProcessWhenObsTraceHistoryOnlyThenHistoryProperty() {
		MockEnvironment environment = new MockEnvironment().withProperty("OBS_TRACE_HISTORY", " 64 ");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("observability.traces.history")).isEqualTo("64");
	}

	@Test
	void postProcessWhenHistoryPropertySetThenAliasIgnored() {
		MockEnvironment environment = new MockEnvironment().withProperty("OBS_TRACE_HISTORY", "lots")
			.withProperty("observability.traces.history", "32");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("observability.traces.history")).isEqualTo("32");
	}

	@Test
	void postProcessWhenObsTraceHistoryNotANumberThenFailsWithClearMessage() {
		MockEnvironment environment = new MockEnvironment().withProperty("OBS_TRACE_HISTORY", "lots");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.processor.postProcessEnvironment(environment, new SpringApplication()))
			.withMessage("OBS_TRACE_HISTORY must be a number of spans but was 'lots'");
	}

}
