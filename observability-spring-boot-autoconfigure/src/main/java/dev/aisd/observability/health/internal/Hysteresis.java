package dev.aisd.observability.health.internal;

import dev.aisd.observability.health.HealthStatus;

/**
 * Turns the raw results of a check into the status it reports: the reported status gets
 * worse only after {@code failureThreshold} consecutive worse results, and better only
 * after {@code successThreshold} consecutive better results. The first result is
 * reported as it is. Not thread-safe: the caller guards it.
 */
public final class Hysteresis {

	private final int failureThreshold;

	private final int successThreshold;

	private HealthStatus reported;

	private HealthStatus pendingStatus;

	private int pendingCount;

	/**
	 * Creates a hysteresis.
	 * @param failureThreshold consecutive worse results before the status gets worse
	 * @param successThreshold consecutive better results before the status gets better
	 */
	public Hysteresis(int failureThreshold, int successThreshold) {
		this.failureThreshold = Math.max(1, failureThreshold);
		this.successThreshold = Math.max(1, successThreshold);
	}

	/**
	 * Records a raw result and decides what to report.
	 * @param raw the raw status of the latest run
	 * @return the status to report, and what is pending when it differs from the raw one
	 */
	public Decision apply(HealthStatus raw) {
		if (this.reported == null || raw == this.reported) {
			return settle(raw);
		}
		boolean worse = raw.ordinal() > this.reported.ordinal();
		boolean sameDirection = this.pendingStatus != null
				&& (this.pendingStatus.ordinal() > this.reported.ordinal()) == worse;
		this.pendingCount = sameDirection ? this.pendingCount + 1 : 1;
		this.pendingStatus = raw;
		int threshold = worse ? this.failureThreshold : this.successThreshold;
		if (this.pendingCount >= threshold) {
			return settle(raw);
		}
		return new Decision(this.reported, new Pending(raw, this.pendingCount, threshold));
	}

	private Decision settle(HealthStatus raw) {
		this.reported = raw;
		this.pendingStatus = null;
		this.pendingCount = 0;
		return new Decision(raw, null);
	}

	/**
	 * What a check reports after hysteresis.
	 *
	 * @param status the status to report
	 * @param pending the status the check is moving to, {@code null} when none
	 */
	public record Decision(HealthStatus status, Pending pending) {
	}

	/**
	 * A status change that has not reached its threshold yet.
	 *
	 * @param status the raw status of the latest run
	 * @param count consecutive results in that direction so far
	 * @param threshold results needed
	 */
	public record Pending(HealthStatus status, int count, int threshold) {
	}

}
