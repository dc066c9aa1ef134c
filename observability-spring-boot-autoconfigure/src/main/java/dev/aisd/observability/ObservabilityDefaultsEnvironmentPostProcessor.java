package dev.aisd.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the starter's defaults for Spring Boot properties as the property source of
 * lowest precedence, so any value the user sets anywhere wins.
 * <p>
 * Spring Boot's OpenTelemetry starter pushes metrics over OTLP to
 * {@code localhost:4318} every minute and logs an error each time nothing listens;
 * the starter serves {@code /metrics} for scraping instead, so the push is off unless
 * the user turns it on.
 * <p>
 * The Prometheus client may attach exemplars to every metric type in OpenMetrics output,
 * summaries' {@code _count} series included; Prometheus before 2.43 then rejects the whole
 * scrape ({@code up} drops to 0). Exemplars stay on counters and histogram buckets, where
 * every Prometheus version accepts them.
 * <p>
 * Incoming trace context is read from the W3C {@code traceparent} header only: Spring
 * Boot's default also tries the B3 single and multi headers on every request, which costs
 * the request path of every service that does not use them.
 * {@code management.tracing.propagation.consume} turns them back on. (Baggage stays on:
 * with {@code management.tracing.baggage.enabled=false} a WebFlux probe request was seen
 * to hang, so that switch is left to the user.)
 *
 * @since 0.1.0
 */
public final class ObservabilityDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "observabilityDefaults";

	private static final Map<String, Object> DEFAULTS = Map.of("management.otlp.metrics.export.enabled", "false",
			"management.prometheus.metrics.export.properties.io.prometheus.exporter.exemplarsOnAllMetricTypes",
			"false", "management.tracing.propagation.consume", "W3C");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
