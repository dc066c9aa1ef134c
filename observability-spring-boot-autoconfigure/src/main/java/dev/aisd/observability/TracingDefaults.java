package dev.aisd.observability;

import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Tracing defaults.
 * <p>
 * Incoming trace context is read from the W3C {@code traceparent} header only: Spring
 * Boot's default also tries the B3 single and multi headers on every request, which costs
 * the request path of every service that does not use them.
 * {@code management.tracing.propagation.consume} turns them back on. Baggage is opt-in
 * for the same reason: Spring Boot's default reads and rebuilds the W3C {@code baggage}
 * on every request and every scope, so {@code management.tracing.baggage.enabled} is
 * {@code false} unless set. Trace and span ids in the MDC and the request id do not
 * depend on it. (A WebFlux probe hang once blamed on baggage being off was a Reactor
 * Netty keep-alive bug that the endpoint routes now avoid: see
 * {@code ReactiveEndpointRoutes}.)
 * <p>
 * Zipkin export is opt-in like OTLP export: the starter ships the Zipkin exporter, and
 * Spring Boot would otherwise send every sampled span to {@code localhost:9411} and log a
 * failure per batch when nothing listens there. Unless
 * {@code management.tracing.export.zipkin.endpoint} or
 * {@code management.tracing.export.zipkin.enabled} is set, the export is off.
 * <p>
 * The {@code OBS_TRACE_HISTORY} environment variable (the seed's name) is an alias of
 * {@code observability.traces.history}: it is copied there, below every other source, so
 * the property set anywhere wins; the binding of {@code TracesProperties} is then the only
 * reader of the history.
 */
final class TracingDefaults implements DefaultsContribution {

	static final String HISTORY_PROPERTY = "observability.traces.history";

	static final String HISTORY_ENVIRONMENT_VARIABLE = "OBS_TRACE_HISTORY";

	static final String BAGGAGE_ENABLED = "management.tracing.baggage.enabled";

	static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";

	static final String ZIPKIN_ENABLED = "management.tracing.export.zipkin.enabled";

	private static final String ZIPKIN_EXPORTER_CLASS = "io.opentelemetry.exporter.zipkin.ZipkinSpanExporter";

	@Override
	public void contribute(ConfigurableEnvironment environment, ClassLoader classLoader, boolean reactive,
			Map<String, Object> defaults) {
		defaults.put("management.tracing.propagation.consume", "W3C");
		defaults.put(BAGGAGE_ENABLED, "false");
		if (ClassUtils.isPresent(ZIPKIN_EXPORTER_CLASS, classLoader) && !environment.containsProperty(ZIPKIN_ENDPOINT)
				&& !environment.containsProperty(ZIPKIN_ENABLED)) {
			defaults.put(ZIPKIN_ENABLED, "false");
		}
		if (!environment.containsProperty(HISTORY_PROPERTY)) {
			String alias = environment.getProperty(HISTORY_ENVIRONMENT_VARIABLE);
			if (alias != null && !alias.isBlank()) {
				defaults.put(HISTORY_PROPERTY, history(alias));
			}
		}
	}

	private static String history(String alias) {
		try {
			return Integer.toString(Integer.parseInt(alias.trim()));
		}
		catch (NumberFormatException ex) {
			// Said here rather than by the binder, which would name only the property.
			throw new IllegalStateException(
					HISTORY_ENVIRONMENT_VARIABLE + " must be a number of spans but was '" + alias + "'", ex);
		}
	}

}
