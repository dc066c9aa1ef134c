package dev.aisd.observability.health.internal;

import java.time.Instant;
import java.util.List;

import dev.aisd.observability.health.HealthStatus;

/**
 * The result of one evaluation of all checks.
 *
 * @param status the aggregated status of the service
 * @param timestamp when the evaluation finished
 * @param checks the checks, sorted by name
 */
public record HealthReport(HealthStatus status, Instant timestamp, List<CheckReport> checks) {

	/**
	 * Returns whether the service is ready: no critical check is {@code error}.
	 * @return whether the service is ready
	 */
	public boolean ready() {
		return this.status != HealthStatus.ERROR;
	}

}
