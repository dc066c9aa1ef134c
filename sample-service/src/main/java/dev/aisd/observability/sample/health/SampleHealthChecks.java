package dev.aisd.observability.sample.health;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.aisd.observability.health.HealthCheck;
import dev.aisd.observability.health.HealthCheckResult;

/**
 * The two health checks of the sample: a critical "database" (an outage makes the service
 * {@code error} and not ready) and a non-critical "cache" (an outage only degrades it).
 * Both pretend to talk to a dependency; drills break them on purpose.
 */
@Component
class SampleHealthChecks {

	private final HealthDrills drills;

	SampleHealthChecks(HealthDrills drills) {
		this.drills = drills;
	}

	@HealthCheck(name = "database")
	HealthCheckResult database() throws Exception {
		String error = this.drills.apply("database");
		if (error != null) {
			return HealthCheckResult.unhealthy(Map.of("error", error));
		}
		return HealthCheckResult.healthy(Map.of("pool_active", 2, "pool_max", 10));
	}

	@HealthCheck(name = "cache", critical = false)
	HealthCheckResult cache() throws Exception {
		String error = this.drills.apply("cache");
		if (error != null) {
			return HealthCheckResult.unhealthy(Map.of("error", error));
		}
		return HealthCheckResult.healthy(Map.of("cache_keys", 128));
	}

}
