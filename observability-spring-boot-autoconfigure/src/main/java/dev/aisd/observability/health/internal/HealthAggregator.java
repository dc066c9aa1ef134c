package dev.aisd.observability.health.internal;

import java.util.Collection;

import dev.aisd.observability.health.HealthStatus;

/**
 * The status rule of {@code /health}: {@code error} if any critical check is
 * {@code error}; otherwise {@code degraded} if any check is not {@code ok}; otherwise
 * {@code ok}. Also the HTTP statuses that go with it.
 */
final class HealthAggregator {

	private HealthAggregator() {
	}

	/**
	 * Aggregates the status of the service from the status of its checks.
	 * @param checks the checks; none means {@code ok}
	 * @return the status of the service
	 */
	public static HealthStatus aggregate(Collection<? extends CheckReport> checks) {
		HealthStatus status = HealthStatus.OK;
		for (CheckReport check : checks) {
			if (check.status() == HealthStatus.ERROR && check.critical()) {
				return HealthStatus.ERROR;
			}
			if (check.status() != HealthStatus.OK) {
				status = HealthStatus.DEGRADED;
			}
		}
		return status;
	}

	/**
	 * Returns whether the service is ready: no critical check is {@code error}.
	 * @param checks the checks
	 * @return whether the service is ready
	 */
	public static boolean ready(Collection<? extends CheckReport> checks) {
		return aggregate(checks) != HealthStatus.ERROR;
	}

	/**
	 * HTTP status of {@code /health} for a service status.
	 * @param status the status of the service
	 * @param degradedHttpStatus the HTTP status configured for {@code degraded}
	 * @return 200 for {@code ok}, the configured status for {@code degraded}, 503 for
	 * {@code error}
	 */
	public static int httpStatus(HealthStatus status, int degradedHttpStatus) {
		return switch (status) {
			case OK -> 200;
			case DEGRADED -> degradedHttpStatus;
			case ERROR -> 503;
		};
	}

}
