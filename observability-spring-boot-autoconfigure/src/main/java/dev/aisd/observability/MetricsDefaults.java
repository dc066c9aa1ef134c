package dev.aisd.observability;

import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Metrics defaults.
 * <p>
 * Spring Boot's OpenTelemetry starter pushes metrics over OTLP to {@code localhost:4318}
 * every minute and logs an error each time nothing listens; the starter serves
 * {@code /metrics} for scraping instead, so the push is off unless the user turns it on.
 * <p>
 * The Prometheus client may attach exemplars to every metric type in OpenMetrics output,
 * summaries' {@code _count} series included; Prometheus before 2.43 then rejects the whole
 * scrape ({@code up} drops to 0). Exemplars stay on counters and histogram buckets, where
 * every Prometheus version accepts them.
 */
final class MetricsDefaults implements DefaultsContribution {

	static final String OTLP_METRICS_ENABLED = "management.otlp.metrics.export.enabled";

	@Override
	public void contribute(ConfigurableEnvironment environment, ClassLoader classLoader, boolean reactive,
			Map<String, Object> defaults) {
		defaults.put(OTLP_METRICS_ENABLED, "false");
		defaults.put("management.prometheus.metrics.export.properties.io.prometheus.exporter.exemplarsOnAllMetricTypes",
				"false");
	}

}
