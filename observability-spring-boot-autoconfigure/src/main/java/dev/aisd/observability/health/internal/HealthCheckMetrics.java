package dev.aisd.observability.health.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import dev.aisd.observability.health.HealthStatus;

/**
 * Publishes every check as metrics: {@code health_check_status{check,critical,status}},
 * a one-hot gauge (1 for the reported status, 0 for the two others, all 0 before the
 * first run), and {@code health_check_duration_seconds{check}}, a gauge of the duration
 * of the latest run (a gauge rather than a histogram: a check runs at most once per
 * cache TTL, too rarely for quantiles, and the latest value is what an alert needs).
 * Meters are registered once per check and removed with it.
 */
public final class HealthCheckMetrics implements HealthCheckListener {

	/** Name of the status gauge. */
	public static final String STATUS = "health.check.status";

	/** Name of the duration gauge, without its unit. */
	public static final String DURATION = "health.check.duration";

	private final MeterRegistry registry;

	private final Map<String, CheckMeters> meters = new ConcurrentHashMap<>();

	/**
	 * Creates the metrics.
	 * @param registry where to register the meters
	 */
	public HealthCheckMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void registered(CheckSettings settings) {
		this.meters.computeIfAbsent(settings.name(), (name) -> new CheckMeters(settings));
	}

	@Override
	public void finished(CheckSettings settings, CheckOutcome outcome) {
		CheckMeters meters = this.meters.get(settings.name());
		if (meters != null) {
			meters.status = outcome.status();
			meters.durationSeconds = outcome.durationMs() / 1000.0;
		}
	}

	@Override
	public void unregistered(CheckSettings settings) {
		CheckMeters meters = this.meters.remove(settings.name());
		if (meters != null) {
			for (Meter meter : meters.registered) {
				this.registry.remove(meter);
			}
		}
	}

	private final class CheckMeters {

		volatile HealthStatus status;

		volatile double durationSeconds = Double.NaN;

		final List<Meter> registered = new ArrayList<>(4);

		CheckMeters(CheckSettings settings) {
			Tags tags = Tags.of("check", settings.name(), "critical", String.valueOf(settings.critical()));
			for (HealthStatus candidate : HealthStatus.values()) {
				this.registered.add(Gauge.builder(STATUS, this, (meters) -> (meters.status == candidate) ? 1 : 0)
					.tags(tags.and("status", candidate.value()))
					.description("Status of a health check, one-hot: 1 for the reported status, 0 for the others")
					.strongReference(true)
					.register(HealthCheckMetrics.this.registry));
			}
			this.registered.add(Gauge.builder(DURATION, this, (meters) -> meters.durationSeconds)
				.tags("check", settings.name())
				.description("Duration of the latest run of a health check")
				.baseUnit("seconds")
				.strongReference(true)
				.register(HealthCheckMetrics.this.registry));
		}

	}

}
