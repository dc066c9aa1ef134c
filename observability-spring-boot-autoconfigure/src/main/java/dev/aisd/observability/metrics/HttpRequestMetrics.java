package dev.aisd.observability.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import dev.aisd.observability.labels.LabelValueLimiter;
import dev.aisd.observability.metrics.internal.EndpointMeters;
import dev.aisd.observability.metrics.internal.HttpLabels;
import dev.aisd.observability.web.CompletedRequest;
import dev.aisd.observability.web.CompletedRequestListener;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records every {@link CompletedRequest} as {@code http_requests_total{method,endpoint,status_code}}
 * and {@code http_request_duration_seconds{method,endpoint}}.
 * <p>
 * Every label is bounded: {@code endpoint} is the route template ({@value #UNMATCHED} when
 * no route matched, including a 404 from the static resource catch-all {@code /**}, {@code other} past {@code maxEndpoints} distinct templates, counted by
 * {@code observability_label_values_folded_total}), {@code method} is one of the standard
 * HTTP methods or {@value #OTHER}, {@code status_code} is a status between 100 and 599 or
 * {@value #OTHER}.
 * <p>
 * Meters are registered on the first request of each combination and kept, so recording a
 * request does one map lookup of the route and no registry lookup, no tag allocation and no
 * string formatting.
 *
 * @since 0.1.0
 */
public final class HttpRequestMetrics implements CompletedRequestListener {

	/** Micrometer name of the request counter, exposed as {@code http_requests_total}. */
	public static final String REQUESTS_METER_NAME = "http.requests";

	/**
	 * Micrometer name of the request timer, exposed as
	 * {@code http_request_duration_seconds}.
	 */
	public static final String DURATION_METER_NAME = "http.request.duration";

	/** Value of the {@code endpoint} label of requests that matched no route. */
	public static final String UNMATCHED = "UNMATCHED";

	/**
	 * Value of the {@code method} label of non-standard methods, and of the
	 * {@code status_code} label of statuses outside 100-599.
	 */
	public static final String OTHER = HttpLabels.OTHER;

	/**
	 * Default bucket bounds of {@code http_request_duration_seconds}: those of the
	 * Prometheus client libraries, 5 ms to 10 s.
	 */
	public static final List<Duration> DEFAULT_BUCKETS = List.of(Duration.ofMillis(5), Duration.ofMillis(10),
			Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(75), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1),
			Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofMillis(7500), Duration.ofSeconds(10));

	/** Route of Spring's static resource handler, which every unknown path reaches. */
	private static final String CATCH_ALL_ROUTE = "/**";

	private final ConcurrentHashMap<String, EndpointMeters> byRoute = new ConcurrentHashMap<>();

	private final MeterRegistry registry;

	private final Duration[] buckets;

	private final LabelValueLimiter endpoints;

	private final EndpointMeters unmatched;

	private final EndpointMeters folded;

	/**
	 * Create the HTTP metrics with the default buckets and at most 200 endpoints.
	 * @param registry the registry to record into
	 */
	public HttpRequestMetrics(MeterRegistry registry) {
		this(registry, DEFAULT_BUCKETS, 200);
	}

	/**
	 * Create the HTTP metrics.
	 * @param registry the registry to record into
	 * @param buckets the upper bounds of the duration buckets, not empty
	 * @param maxEndpoints how many distinct route templates get their own
	 * {@code endpoint} value, at least 1
	 */
	public HttpRequestMetrics(MeterRegistry registry, List<Duration> buckets, int maxEndpoints) {
		if (buckets.isEmpty()) {
			throw new IllegalArgumentException("buckets must not be empty");
		}
		for (Duration bucket : buckets) {
			if (bucket.isNegative() || bucket.isZero()) {
				throw new IllegalArgumentException("buckets must be positive but got " + bucket);
			}
		}
		this.registry = registry;
		this.buckets = buckets.toArray(Duration[]::new);
		this.endpoints = new LabelValueLimiter(registry, "http_requests_total", "endpoint", maxEndpoints);
		this.unmatched = newEndpointMeters(UNMATCHED);
		this.folded = newEndpointMeters(LabelValueLimiter.OTHER);
	}

	@Override
	public void onCompleted(CompletedRequest request) {
		endpointMeters(request.route(), request.status()).record(request.method(), request.status(),
				request.durationNanos());
	}

	private EndpointMeters endpointMeters(String route, int status) {
		// A 404 from the static resource catch-all matched no route of the application.
		if (route == null || (status == 404 && CATCH_ALL_ROUTE.equals(route))) {
			return this.unmatched;
		}
		EndpointMeters meters = this.byRoute.get(route);
		if (meters != null) {
			return meters;
		}
		String endpoint = this.endpoints.limit(route);
		if (LabelValueLimiter.OTHER.equals(endpoint)) {
			// Not cached: the limiter counts every folded request, and the map stays bounded
			// by the admitted templates.
			return this.folded;
		}
		return this.byRoute.computeIfAbsent(route, (key) -> newEndpointMeters(endpoint));
	}

	private EndpointMeters newEndpointMeters(String endpoint) {
		return new EndpointMeters(this.registry, REQUESTS_METER_NAME, DURATION_METER_NAME, endpoint, this.buckets);
	}

}
