package dev.aisd.observability.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.autoconfigure.metrics.TomcatMetricsAutoConfiguration;
import org.springframework.boot.tomcat.metrics.TomcatMetricsBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TomcatSessionMetricsAutoConfiguration}, beside Spring Boot's own Tomcat
 * metrics auto-configuration; {@code ServletMetricsIntegrationTests} checks the gauges on a
 * real Tomcat.
 */
class TomcatSessionMetricsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				TomcatMetricsAutoConfiguration.class, TomcatSessionMetricsAutoConfiguration.class));

	@Test
	void defaultsThenOurBinderReplacesSpringBoots() {
		this.contextRunner.run((context) -> assertThat(context).getBean(TomcatMetricsBinder.class)
			.isInstanceOf(TomcatSessionMetricsAutoConfiguration.SessionMetricsBinder.class));
	}

	@Test
	void tomcatMBeanRegistryEnabledThenSpringBootsBinder() {
		this.contextRunner.withPropertyValues("server.tomcat.mbeanregistry.enabled=true")
			.run((context) -> assertThat(context).getBean(TomcatMetricsBinder.class)
				.extracting(Object::getClass)
				.isEqualTo(TomcatMetricsBinder.class));
	}

	@Test
	void userBinderThenOursBacksOff() {
		this.contextRunner.withUserConfiguration(UserBinder.class)
			.run((context) -> assertThat(context).getBean(TomcatMetricsBinder.class)
				.isSameAs(context.getBean("userBinder")));
	}

	@Test
	void noTomcatThenNoBinder() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Manager.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TomcatMetricsBinder.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBinder {

		@Bean
		TomcatMetricsBinder userBinder(MeterRegistry registry) {
			return new TomcatMetricsBinder(registry);
		}

	}

}
