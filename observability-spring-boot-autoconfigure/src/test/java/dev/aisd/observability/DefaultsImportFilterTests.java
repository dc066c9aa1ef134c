package dev.aisd.observability;

import java.util.Map;

import io.micrometer.registry.otlp.OtlpMeterRegistry;
import org.junit.jupiter.api.Test;
import zipkin2.reporter.BytesMessageSender;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultsImportFilter}: the auto-configurations that the starter's
 * defaults switched off (Spring Boot's Zipkin sender, the OTLP metrics registry) are left
 * out exactly while those defaults are in force.
 */
class DefaultsImportFilterTests {

	private static final String ZIPKIN = DefaultsImportFilter.ZIPKIN_SENDER.autoConfiguration();

	private static final String OTLP_METRICS = DefaultsImportFilter.OTLP_METRICS.autoConfiguration();

	private static final String[] CANDIDATES = { "org.example.OtherAutoConfiguration", ZIPKIN, OTLP_METRICS };

	private final ObservabilityDefaultsEnvironmentPostProcessor processor = new ObservabilityDefaultsEnvironmentPostProcessor();

	@Test
	void matchWhenStartersDefaultsThenZipkinSenderAndOtlpMetricsLeftOut() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(match(environment)).containsExactly(true, false, false);
	}

	@Test
	void matchWhenZipkinEndpointSetThenZipkinSenderKept() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("management.tracing.export.zipkin.endpoint", "http://zipkin:9411/api/v2/spans");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(match(environment)).containsExactly(true, true, false);
	}

	@Test
	void matchWhenUserSetsTheZipkinSwitchThenKeptEvenWhenOff() {
		for (String value : new String[] { "true", "false" }) {
			MockEnvironment environment = new MockEnvironment()
				.withProperty("management.tracing.export.zipkin.enabled", value);
			this.processor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(match(environment)).as(value).containsExactly(true, true, false);
		}
	}

	@Test
	void matchWhenUserTurnsOtlpMetricsOnThenKept() {
		MockEnvironment environment = new MockEnvironment().withProperty("management.otlp.metrics.export.enabled",
				"true");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(match(environment)).containsExactly(true, false, true);
	}

	@Test
	void matchWhenPropertyAddedAfterTheDefaultsThenKept() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		environment.getPropertySources()
			.addFirst(new MapPropertySource("late",
					Map.of("management.otlp.metrics.export.enabled", "true")));
		assertThat(match(environment)).containsExactly(true, false, true);
	}

	@Test
	void matchWhenNoStarterDefaultsThenKept() {
		assertThat(match(new StandardEnvironment())).containsExactly(true, true, true);
	}

	@Test
	void applicationWhenDefaultsThenNoZipkinSenderAndWhenEndpointSetThenSender() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBeanNamesForType(BytesMessageSender.class)).isEmpty();
		}
		try (ConfigurableApplicationContext context = run(
				"--management.tracing.export.zipkin.endpoint=http://127.0.0.1:9/api/v2/spans")) {
			assertThat(context.getBeanNamesForType(BytesMessageSender.class)).hasSize(1);
		}
	}

	@Test
	void applicationWhenDefaultsThenNoOtlpRegistryAndWhenUserTurnsItOnThenRegistry() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).isEmpty();
		}
		// Port 9 on loopback refuses at once: the push on close stays local and quick.
		try (ConfigurableApplicationContext context = run("--management.otlp.metrics.export.enabled=true",
				"--management.otlp.metrics.export.url=http://127.0.0.1:9/v1/metrics")) {
			assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).hasSize(1);
		}
	}

	private static boolean[] match(Environment environment) {
		DefaultsImportFilter filter = new DefaultsImportFilter();
		filter.setEnvironment(environment);
		return filter.match(CANDIDATES, null);
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.properties("management.tracing.export.otlp.enabled=false", "spring.main.banner-mode=off")
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
