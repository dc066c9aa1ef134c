package dev.aisd.observability.monitoring.generate;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One service level objective of {@code monitoring/slo/slos.yml}: the share of a
 * service's HTTP requests that must be good over 30 days.
 *
 * @param service the value of the {@code service} label
 * @param kind what makes a request bad
 * @param objectivePercent the objective in percent, in [95, 100)
 * @param thresholdSeconds the latency threshold as the {@code le} label value of the
 * histogram bucket, {@code null} for availability
 */
public record Slo(String service, Kind kind, BigDecimal objectivePercent, String thresholdSeconds) {

	/**
	 * Return the objective as a ratio ({@code 0.999} for 99.9 %).
	 * @return the objective
	 */
	public BigDecimal objective() {
		return this.objectivePercent.movePointLeft(2).stripTrailingZeros();
	}

	/**
	 * Return the error budget, {@code 1 - objective}.
	 * @return the budget as a ratio
	 */
	public BigDecimal errorBudget() {
		return BigDecimal.ONE.subtract(objective()).stripTrailingZeros();
	}

	/**
	 * Return the value of the {@code slo} label of the recorded series.
	 * @return {@code availability} or {@code latency}
	 */
	public String label() {
		return this.kind.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * What makes a request count against an objective.
	 */
	public enum Kind {

		/** A 5xx status. */
		AVAILABILITY,

		/** A duration above the threshold. */
		LATENCY

	}

}
