package dev.aisd.observability.security.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.aisd.observability.security.SecurityEvent;
import dev.aisd.observability.security.SecurityEventListener;
import dev.aisd.observability.security.SecurityMetrics;
import dev.aisd.observability.security.SecurityMetricsCollector;
import dev.aisd.observability.security.autoconfigure.internal.SecurityEventLogger;
import dev.aisd.observability.security.autoconfigure.internal.SecurityMetricsInstaller;
import dev.aisd.observability.test.Exposition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class))
		.withUserConfiguration(RegistryConfiguration.class);

	@AfterEach
	void resetStaticCollector() {
		SecurityMetrics.reset();
	}

	@Test
	void collectorWhenMeterRegistryPresentThenBoundToIt() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(SecurityMetricsCollector.class)
				.hasSingleBean(SecurityMetricsInstaller.class);
			SecurityMetricsCollector collector = context.getBean(SecurityMetricsCollector.class);
			assertThat(collector.registry()).isSameAs(context.getBean(MeterRegistry.class));
			collector.recordAttackBlocked("sql_injection", "high", 0.9);
			String text = context.getBean(PrometheusMeterRegistry.class).scrape();
			assertThat(Exposition.parse(text).value("security_attacks_blocked_total", "attack_type", "sql_injection",
					"severity", "high"))
				.isEqualTo(1.0);
		});
	}

	@Test
	void staticAccessorWhenContextRunsThenSameBeanAndClearedOnClose() {
		ConfigurableApplicationContext[] closed = new ConfigurableApplicationContext[1];
		SecurityMetricsCollector[] bean = new SecurityMetricsCollector[1];
		this.contextRunner.run((context) -> {
			bean[0] = context.getBean(SecurityMetricsCollector.class);
			assertThat(SecurityMetrics.getSecurityMetricsCollector()).isSameAs(bean[0]);
			closed[0] = context.getSourceApplicationContext();
		});
		assertThat(closed[0].isActive()).isFalse();
		assertThat(SecurityMetrics.getSecurityMetricsCollector()).isNotSameAs(bean[0]);
	}

	@Test
	void staticAccessorWhenAnotherContextInstalledLaterThenClosingTheFirstKeepsIt() {
		this.contextRunner.run((first) -> this.contextRunner.run((second) -> {
			SecurityMetricsCollector secondCollector = second.getBean(SecurityMetricsCollector.class);
			assertThat(SecurityMetrics.getSecurityMetricsCollector()).isSameAs(secondCollector);
			first.close();
			assertThat(SecurityMetrics.getSecurityMetricsCollector()).isSameAs(secondCollector);
		}));
	}

	@Test
	void collectorWhenUserDefinesOneThenUserBeanWinsAndIsInstalled() {
		this.contextRunner.withUserConfiguration(UserCollectorConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SecurityMetricsCollector.class);
			assertThat(context.getBean(SecurityMetricsCollector.class))
				.isSameAs(context.getBean("userCollector"));
			assertThat(SecurityMetrics.getSecurityMetricsCollector()).isSameAs(context.getBean("userCollector"));
		});
	}

	@Test
	void eventLogWhenDefaultThenLoggerIsTheCollectorsListener() {
		this.contextRunner.run((context) -> assertThat(context.getBean(SecurityMetricsCollector.class)
			.options()
			.eventListener()).isSameAs(context.getBean(SecurityEventLogger.class)));
	}

	@Test
	void eventLogWhenDisabledThenNoListener() {
		this.contextRunner.withPropertyValues("observability.security-metrics.event-log.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SecurityEventLogger.class);
				assertThat(context.getBean(SecurityMetricsCollector.class).options().eventListener()).isNull();
			});
	}

	@Test
	void eventLogWhenUserListenerThenItReplacesTheLoggerAndReceivesEvents() {
		this.contextRunner.withUserConfiguration(UserListenerConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(SecurityEventLogger.class);
			context.getBean(SecurityMetricsCollector.class).recordHoneypotHit("wp_admin");
			assertThat(context.getBean(UserListenerConfiguration.class).events).singleElement()
				.satisfies((event) -> {
					assertThat(event.name()).isEqualTo(SecurityEvent.MALICIOUS_HONEYPOT_HIT);
					assertThat(event.fields()).containsEntry("ip_reputation", "unknown");
				});
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserListenerConfiguration {

		final List<SecurityEvent> events = new ArrayList<>();

		@Bean
		SecurityEventListener userListener() {
			return this.events::add;
		}

	}

	@Test
	void collectorWhenDisabledThenAbsent() {
		this.contextRunner.withPropertyValues("observability.security-metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityMetricsCollector.class)
				.doesNotHaveBean(SecurityMetricsInstaller.class));
	}

	@Test
	void collectorWhenNoMeterRegistryThenAbsent() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SecurityMetricsCollector.class));
	}

	@Test
	void collectorWhenOptionsSetThenApplied() {
		this.contextRunner
			.withPropertyValues("observability.security-metrics.max-label-values=2",
					"observability.security-metrics.rolling-window-size=7",
					"observability.security-metrics.rolling-window-duration=10m")
			.run((context) -> {
				SecurityMetricsCollector collector = context.getBean(SecurityMetricsCollector.class);
				assertThat(collector.options().maxLabelValues()).isEqualTo(2);
				assertThat(collector.options().rollingWindowSize()).isEqualTo(7);
				assertThat(collector.options().rollingWindowDuration()).hasMinutes(10);
				collector.recordSuspiciousPattern("a");
				collector.recordSuspiciousPattern("b");
				collector.recordSuspiciousPattern("c\n\"}{evil");
				String text = context.getBean(PrometheusMeterRegistry.class).scrape();
				assertThat(Exposition.parse(text).value("security_suspicious_patterns_total", "pattern_type", "other"))
					.isEqualTo(1.0);
			});
	}

	@Test
	void collectorWhenInvalidOptionThenContextFailsWithClearMessage() {
		this.contextRunner.withPropertyValues("observability.security-metrics.max-label-values=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("maxLabelValues"));
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		PrometheusMeterRegistry prometheusMeterRegistry() {
			return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCollectorConfiguration {

		@Bean
		SecurityMetricsCollector userCollector(MeterRegistry registry) {
			return new SecurityMetricsCollector(registry);
		}

	}

}
