package dev.aisd.observability.health.internal;

import dev.aisd.observability.health.HealthCheckResult;

/**
 * Runs a check once on a health executor thread. May block; should return when
 * interrupted.
 */
@FunctionalInterface
public interface CheckInvoker {

	/**
	 * Runs the check.
	 * @return the result, {@code null} counts as an error
	 * @throws Throwable any failure
	 */
	HealthCheckResult invoke() throws Throwable;

}
