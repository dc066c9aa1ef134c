package dev.aisd.observability.health.internal;

import java.time.Duration;

/**
 * The settings of a registered check after property overrides and defaults.
 *
 * @param name the name
 * @param critical whether an error of the check makes the service {@code error}
 * @param timeout the timeout of one run
 * @param interval the background interval, {@code null} for on demand
 * @param failureThreshold consecutive worse results before the status gets worse
 * @param successThreshold consecutive better results before the status gets better
 */
public record CheckSettings(String name, boolean critical, Duration timeout, Duration interval, int failureThreshold,
		int successThreshold) {

	/**
	 * Returns whether the check runs in the background.
	 * @return whether an interval is set
	 */
	public boolean background() {
		return this.interval != null;
	}

}
