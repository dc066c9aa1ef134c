package dev.aisd.observability.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;

import org.springframework.util.ClassUtils;

/**
 * Spring Boot's meter handler for every observation except the HTTP server requests
 * (Servlet and WebFlux), which {@link HttpRequestMetrics} records: a request is then
 * timed as metrics once.
 * <p>
 * Leaving the handler out, rather than denying its meters with a {@code MeterFilter}, is
 * what keeps it cheap: Micrometer does not cache denied meters, so every request would
 * look its timer up again under the registry's global lock, and under load the threads
 * queue on that lock. The context type, not the observation name, tells server requests
 * apart: handlers are chosen before a convention names the observation.
 */
final class ServerRequestsExcludingMeterObservationHandler extends DefaultMeterObservationHandler {

	private static final String[] SERVER_REQUEST_CONTEXTS = {
			"org.springframework.http.server.observation.ServerRequestObservationContext",
			"org.springframework.http.server.reactive.observation.ServerRequestObservationContext" };

	private final Class<?>[] excluded;

	ServerRequestsExcludingMeterObservationHandler(MeterRegistry registry, IgnoredMeters... ignoredMeters) {
		super(registry, ignoredMeters);
		ClassLoader classLoader = ServerRequestsExcludingMeterObservationHandler.class.getClassLoader();
		List<Class<?>> types = new ArrayList<>();
		for (String name : SERVER_REQUEST_CONTEXTS) {
			if (ClassUtils.isPresent(name, classLoader)) {
				types.add(ClassUtils.resolveClassName(name, classLoader));
			}
		}
		this.excluded = types.toArray(Class<?>[]::new);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		for (Class<?> type : this.excluded) {
			if (type.isInstance(context)) {
				return false;
			}
		}
		return super.supportsContext(context);
	}

}
