package dev.aisd.observability.health.internal;

/**
 * Told when checks come and go and when a run finishes; the metrics are one.
 */
public interface HealthCheckListener {

	/**
	 * Called once when a check is registered.
	 * @param settings the settings of the check
	 */
	void registered(CheckSettings settings);

	/**
	 * Called when a run (or a timeout) of a check finished, on whatever thread finished it.
	 * @param settings the settings of the check
	 * @param outcome the outcome of the run
	 */
	void finished(CheckSettings settings, CheckOutcome outcome);

	/**
	 * Called once when a check is removed.
	 * @param settings the settings of the check
	 */
	void unregistered(CheckSettings settings);

}
