package dev.aisd.observability.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aisd.observability.web.CompletedRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LoggingAutoConfiguration.class));

	@Test
	void autoConfigurationWhenServletApplicationThenHandledRequestLogger() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HandledRequestLogger.class);
			assertThat(context).hasSingleBean(LoggingProperties.class);
		});
	}

	@Test
	void autoConfigurationWhenReactiveApplicationThenHandledRequestLogger() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LoggingAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(HandledRequestLogger.class));
	}

	@Test
	void autoConfigurationWhenNotWebApplicationThenNoHandledRequestLogger() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LoggingAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(HandledRequestLogger.class);
				assertThat(context).hasSingleBean(LoggingProperties.class);
			});
	}

	@Test
	void autoConfigurationWhenAccessLogDisabledThenNoHandledRequestLogger() {
		this.contextRunner.withPropertyValues("observability.logging.access-log.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HandledRequestLogger.class));
	}

	@Test
	void autoConfigurationWhenLoggingDisabledThenBacksOff() {
		this.contextRunner.withPropertyValues("observability.logging.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HandledRequestLogger.class);
			assertThat(context).doesNotHaveBean(LoggingProperties.class);
		});
	}

	@Test
	void autoConfigurationWhenUserDefinesHandledRequestLoggerThenUserBeanWins() {
		this.contextRunner.withUserConfiguration(UserLoggerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(HandledRequestLogger.class);
			assertThat(context.getBean(HandledRequestLogger.class))
				.isSameAs(context.getBean(UserLoggerConfiguration.class).logger);
		});
	}

	@Test
	void autoConfigurationWhenLogstashEncoderAbsentThenFieldsGoIntoTheMessage() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("net.logstash"))
			.run((context) -> assertThat(handledRequestMessage(context.getBean(HandledRequestLogger.class)))
				.isEqualTo("Handled request method=GET path=/items/{id} status_code=200 duration_seconds=0.001 "
						+ "client_ip=127.0.0.1"));
	}

	@Test
	void autoConfigurationWhenJsonThenFieldsAreStructured() {
		this.contextRunner.run((context) -> assertThat(handledRequestMessage(context.getBean(HandledRequestLogger.class)))
			.isEqualTo("Handled request"));
	}

	private static String handledRequestMessage(HandledRequestLogger handledRequestLogger) {
		Logger logger = (Logger) LoggerFactory
			.getLogger(HandledRequestLogger.LOGGER_NAME);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Level level = logger.getLevel();
		logger.setLevel(Level.INFO);
		logger.addAppender(appender);
		try {
			handledRequestLogger.onCompleted(new CompletedRequest("GET", "/items/{id}",
					"/items/1", 200, 1_000_000, "127.0.0.1", "r", null, null, null));
		}
		finally {
			logger.detachAppender(appender);
			logger.setLevel(level);
		}
		assertThat(appender.list).hasSize(1);
		return appender.list.get(0).getFormattedMessage();
	}

	@Test
	void autoConfigurationWhenSlf4jAbsentThenBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.slf4j"))
			.run((context) -> assertThat(context).doesNotHaveBean(HandledRequestLogger.class));
	}

	@Test
	void autoConfigurationWhenTextFormatThenFormatBound() {
		this.contextRunner.withPropertyValues("observability.logging.format=text")
			.run((context) -> assertThat(context.getBean(LoggingProperties.class).getFormat())
				.isEqualTo(LogFormat.TEXT));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserLoggerConfiguration {

		final HandledRequestLogger logger = new HandledRequestLogger(true);

		@Bean
		HandledRequestLogger userHandledRequestLogger() {
			return this.logger;
		}

	}

}
