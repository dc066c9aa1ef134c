package dev.aisd.observability.security.internal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandaloneRegistryTests {

	@Test
	void createWhenPrometheusOnClassPathThenPrometheusRegistry() {
		assertThat(StandaloneRegistry.create()).isInstanceOf(PrometheusMeterRegistry.class);
	}

	@Test
	void createWhenPrometheusAbsentThenSimpleRegistry() {
		ClassLoader withoutPrometheus = new ClassLoader(getClass().getClassLoader()) {

			@Override
			protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
				if (name.startsWith("io.micrometer.prometheusmetrics.")) {
					throw new ClassNotFoundException(name);
				}
				return super.loadClass(name, resolve);
			}

		};
		assertThat(StandaloneRegistry.create(withoutPrometheus)).isInstanceOf(SimpleMeterRegistry.class);
	}

}
