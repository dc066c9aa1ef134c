package dev.aisd.observability.logging;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.aisd.observability.testsupport.JsonLines;
import dev.aisd.observability.testsupport.TestApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the choice of log format plays with Spring Boot's logging set-up: the service name
 * chain, {@code observability.logging.format=text}, and a user's own logback file.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoggingFormatEndToEndTests {

	private CapturedOutput stdout;

	@BeforeEach
	void captureStdout(CapturedOutput output) {
		this.stdout = output;
	}

	@Test
	void runWhenServiceNamePropertySetThenItWinsOverApplicationName() {
		List<String> lines = runAndLog(null, "observability.service-name=billing", "spring.application.name=ignored");

		assertThat(JsonLines.parse(lines)).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.get("service").asString()).isEqualTo("billing"));
		assertThat(JsonLines.matching(JsonLines.parse(lines), JsonLines.message("probe line"))).singleElement()
			.satisfies((event) -> assertThat(event.get("request_id").asString()).isEqualTo("probe-1"));
	}

	@Test
	void runWhenTextFormatThenReadableLines() {
		List<String> lines = runAndLog(null, "observability.logging.format=text", "spring.application.name=texty");

		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("INFO").contains("probe line"));
		assertThat(lines.stream().filter((line) -> line.contains("probe line")))
			.allSatisfy((line) -> assertThat(line).doesNotStartWith("{"));
	}

	@Test
	void runWhenTextFormatWithCorrelationPatternThenRequestIdShown() {
		List<String> lines = runAndLog(null, "observability.logging.format=text",
				"logging.pattern.correlation=[%X{request_id:-}] %correlationId");

		assertThat(lines.stream().filter((line) -> line.contains("probe line"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("[probe-1]"));
	}

	@Test
	void runWhenLoggingDisabledThenSpringBootDefaults() {
		List<String> lines = runAndLog(null, "observability.logging.enabled=false");

		assertThat(lines.stream().filter((line) -> line.contains("probe line"))).singleElement()
			.satisfies((line) -> assertThat(line).doesNotStartWith("{"));
	}

	@Test
	void runWhenUserHasLogbackSpringXmlThenUserConfigurationWins(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("logback-spring.xml"), """
				<configuration>
				  <appender name="USER" class="ch.qos.logback.core.ConsoleAppender">
				    <encoder><pattern>USER-CONFIG %level %message%n</pattern></encoder>
				  </appender>
				  <root level="INFO"><appender-ref ref="USER"/></root>
				</configuration>
				""");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { dir.toUri().toURL() },
				getClass().getClassLoader())) {
			List<String> lines = runAndLog(new DefaultResourceLoader(classLoader));

			assertThat(lines).contains("USER-CONFIG INFO probe line");
			assertThat(lines).noneSatisfy((line) -> assertThat(line).startsWith("{"));
		}
	}

	@Test
	void runWhenUserHasLogbackSpringXmlWithOurEncoderThenJsonWithConfiguredService(@TempDir Path dir)
			throws Exception {
		Files.writeString(dir.resolve("logback-spring.xml"), """
				<configuration>
				  <springProperty name="SERVICE" source="spring.application.name"/>
				  <appender name="JSON" class="ch.qos.logback.core.ConsoleAppender">
				    <encoder class="dev.aisd.observability.logging.ObservabilityJsonEncoder">
				      <service>${SERVICE}</service>
				    </encoder>
				  </appender>
				  <root level="INFO"><appender-ref ref="JSON"/></root>
				</configuration>
				""");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { dir.toUri().toURL() },
				getClass().getClassLoader())) {
			List<String> lines = runAndLog(new DefaultResourceLoader(classLoader), "spring.application.name=own-xml");

			assertThat(JsonLines.matching(JsonLines.parse(lines), JsonLines.message("probe line"))).singleElement()
				.satisfies((event) -> assertThat(event.get("service").asString()).isEqualTo("own-xml"));
		}
	}

	private List<String> runAndLog(DefaultResourceLoader resourceLoader, String... properties) {
		try (ConfigurableApplicationContext context = TestApplications.run(PlainApplication.class,
				WebApplicationType.NONE, resourceLoader, properties)) {
			MDC.put("request_id", "probe-1");
			try {
				LoggerFactory.getLogger(LoggingFormatEndToEndTests.class).info("probe line");
			}
			finally {
				MDC.remove("request_id");
			}
			// Lines are written by a background thread.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> JsonLines.lines(this.stdout).stream().anyMatch((line) -> line.contains("probe line")));
		}
		return JsonLines.lines(this.stdout);
	}

	// Logging is set up before any bean exists: no auto-configuration needed here.
	@SpringBootConfiguration(proxyBeanMethods = false)
	static class PlainApplication {

	}

}
