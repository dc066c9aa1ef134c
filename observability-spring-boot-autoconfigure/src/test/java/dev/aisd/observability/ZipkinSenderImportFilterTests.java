package dev.aisd.observability;

import org.junit.jupiter.api.Test;
import zipkin2.reporter.BytesMessageSender;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ZipkinSenderImportFilter}: Spring Boot's Zipkin sender is left out
 * exactly when the starter's default switched Zipkin export off.
 */
class ZipkinSenderImportFilterTests {

	private static final String[] CANDIDATES = { "org.example.OtherAutoConfiguration",
			ZipkinSenderImportFilter.ZIPKIN_AUTO_CONFIGURATION };

	private final ObservabilityDefaultsEnvironmentPostProcessor processor = new ObservabilityDefaultsEnvironmentPostProcessor();

	@Test
	void matchWhenExportOffByTheStartersDefaultThenZipkinSenderLeftOut() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(match(environment)).containsExactly(true, false);
	}

	@Test
	void matchWhenEndpointSetThenKept() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("management.tracing.export.zipkin.endpoint", "http://zipkin:9411/api/v2/spans");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(match(environment)).containsExactly(true, true);
	}

	@Test
	void matchWhenUserSetsTheSwitchThenKeptEvenWhenOff() {
		for (String value : new String[] { "true", "false" }) {
			MockEnvironment environment = new MockEnvironment()
				.withProperty("management.tracing.export.zipkin.enabled", value);
			this.processor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(match(environment)).as(value).containsExactly(true, true);
		}
	}

	@Test
	void matchWhenNoStarterDefaultsThenKept() {
		assertThat(match(new StandardEnvironment())).containsExactly(true, true);
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

	private static boolean[] match(org.springframework.core.env.Environment environment) {
		ZipkinSenderImportFilter filter = new ZipkinSenderImportFilter();
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
