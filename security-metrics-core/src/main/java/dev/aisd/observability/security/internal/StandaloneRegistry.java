package dev.aisd.observability.security.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Creates the registry of a standalone collector: Prometheus when it is on the class
 * path (it is an optional dependency), a simple registry otherwise.
 */
public final class StandaloneRegistry {

	private static final String PROMETHEUS_REGISTRY = "io.micrometer.prometheusmetrics.PrometheusMeterRegistry";

	private StandaloneRegistry() {
	}

	/**
	 * Create the registry.
	 * @return a new registry
	 */
	public static MeterRegistry create() {
		return create(StandaloneRegistry.class.getClassLoader());
	}

	static MeterRegistry create(ClassLoader classLoader) {
		if (isPresent(PROMETHEUS_REGISTRY, classLoader)) {
			return Prometheus.create();
		}
		return new SimpleMeterRegistry();
	}

	private static boolean isPresent(String className, ClassLoader classLoader) {
		try {
			Class.forName(className, false, classLoader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	// A separate class so the Prometheus types load only when they are present.
	private static final class Prometheus {

		static MeterRegistry create() {
			return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		}

	}

}
