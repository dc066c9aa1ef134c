package dev.aisd.observability.health;

import java.time.Duration;

/**
 * Settings of a health check registered at runtime through {@link HealthCheckRegistry}:
 * the same settings that {@link HealthCheck} gives an annotated check. Immutable; every
 * {@code with...} method returns a copy.
 *
 * @param name the name of the check, not blank
 * @param critical whether an error of the check makes the service {@code error}
 * @param timeout the timeout of one run, positive, or {@code null} for the default
 * @param interval the background interval, positive, or {@code null} to run on demand
 * @param failureThreshold consecutive worse results before the status gets worse, at
 * least 1
 * @param successThreshold consecutive better results before the status gets better, at
 * least 1
 * @since 0.1.0
 */
public record HealthCheckOptions(String name, boolean critical, Duration timeout, Duration interval,
		int failureThreshold, int successThreshold) {

	/**
	 * Validates the settings.
	 * @throws IllegalArgumentException if the name is blank, a duration is not positive or
	 * a threshold is below 1
	 */
	public HealthCheckOptions {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Health check name must not be blank");
		}
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new IllegalArgumentException("Timeout of health check '" + name + "' must be positive: " + timeout);
		}
		if (interval != null && (interval.isNegative() || interval.isZero())) {
			throw new IllegalArgumentException(
					"Interval of health check '" + name + "' must be positive: " + interval);
		}
		if (failureThreshold < 1 || successThreshold < 1) {
			throw new IllegalArgumentException("Thresholds of health check '" + name + "' must be at least 1, not "
					+ failureThreshold + " and " + successThreshold);
		}
	}

	/**
	 * Options for a critical, on-demand check with the default timeout and thresholds of 1.
	 * @param name the name of the check, not blank
	 * @return the options
	 */
	public static HealthCheckOptions of(String name) {
		return new HealthCheckOptions(name, true, null, null, 1, 1);
	}

	/**
	 * Returns a copy with the given criticality.
	 * @param critical whether an error of the check makes the service {@code error}
	 * @return the copy
	 */
	public HealthCheckOptions withCritical(boolean critical) {
		return new HealthCheckOptions(this.name, critical, this.timeout, this.interval, this.failureThreshold,
				this.successThreshold);
	}

	/**
	 * Returns a copy with the given timeout.
	 * @param timeout the timeout, positive, or {@code null} for the default
	 * @return the copy
	 */
	public HealthCheckOptions withTimeout(Duration timeout) {
		return new HealthCheckOptions(this.name, this.critical, timeout, this.interval, this.failureThreshold,
				this.successThreshold);
	}

	/**
	 * Returns a copy that runs in the background at the given interval.
	 * @param interval the interval, positive, or {@code null} to run on demand
	 * @return the copy
	 */
	public HealthCheckOptions withInterval(Duration interval) {
		return new HealthCheckOptions(this.name, this.critical, this.timeout, interval, this.failureThreshold,
				this.successThreshold);
	}

	/**
	 * Returns a copy with the given hysteresis thresholds.
	 * @param failureThreshold consecutive worse results before the status gets worse
	 * @param successThreshold consecutive better results before the status gets better
	 * @return the copy
	 */
	public HealthCheckOptions withThresholds(int failureThreshold, int successThreshold) {
		return new HealthCheckOptions(this.name, this.critical, this.timeout, this.interval, failureThreshold,
				successThreshold);
	}

	/**
	 * Returns the name of the check.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Returns whether an error of the check makes the service {@code error}.
	 * @return whether the check is critical
	 */
	public boolean isCritical() {
		return this.critical;
	}

	/**
	 * Returns the timeout of one run.
	 * @return the timeout, {@code null} for the default
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Returns the background interval.
	 * @return the interval, {@code null} when the check runs on demand
	 */
	public Duration getInterval() {
		return this.interval;
	}

	/**
	 * Returns the number of consecutive worse results before the status gets worse.
	 * @return the failure threshold
	 */
	public int getFailureThreshold() {
		return this.failureThreshold;
	}

	/**
	 * Returns the number of consecutive better results before the status gets better.
	 * @return the success threshold
	 */
	public int getSuccessThreshold() {
		return this.successThreshold;
	}

}
