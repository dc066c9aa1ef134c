package dev.aisd.observability.security.internal;

import java.time.Instant;
import java.util.Map;

import dev.aisd.observability.security.KpiInputs;
import dev.aisd.observability.security.SecurityKpis;
import dev.aisd.observability.security.SecurityKpis.ThreatLevelStatus;

/**
 * Computes {@link SecurityKpis} from {@link KpiInputs}. Every ratio is {@code null}
 * ("insufficient data") when an input it needs is absent or its denominator is zero.
 */
public final class KpiCalculator {

	private KpiCalculator() {
	}

	/**
	 * Compute the KPIs, stamped with the current time.
	 * @param inputs the inputs
	 * @return the KPIs
	 */
	public static SecurityKpis calculate(KpiInputs inputs) {
		return calculate(inputs, Instant.now());
	}

	/**
	 * Compute the KPIs.
	 * @param inputs the inputs
	 * @param calculatedAt when they are computed
	 * @return the KPIs
	 */
	public static SecurityKpis calculate(KpiInputs inputs, Instant calculatedAt) {
		Long tp = inputs.truePositives();
		Long fp = inputs.falsePositives();
		Long tn = inputs.trueNegatives();
		Long fn = inputs.falseNegatives();
		Double precision = (tp != null && fp != null) ? percent(tp, tp + fp) : null;
		Double truePositiveRate = (tp != null && fn != null) ? percent(tp, tp + fn) : null;
		if (truePositiveRate == null) {
			truePositiveRate = inputs.truePositiveRatePercent();
		}
		Double falsePositiveRate = (fp != null && tn != null) ? percent(fp, fp + tn) : null;
		if (falsePositiveRate == null) {
			falsePositiveRate = inputs.falsePositiveRatePercent();
		}
		Double accuracy = (tp != null && tn != null && fp != null && fn != null) ? percent(tp + tn, tp + tn + fp + fn)
				: null;
		Long attempted = (inputs.attacksAttempted() != null) ? inputs.attacksAttempted() : inputs.threatsDetected();
		Long blocked = inputs.attacksBlocked();
		// Without an explicit attempts count the threats detected stand in for it, and the
		// two are recorded independently, so the blocked count is capped at the attempts.
		Double blockRate = (blocked != null && attempted != null) ? percent(Math.min(blocked, attempted), attempted)
				: null;
		Map<String, Double> compliance = inputs.complianceScores();
		Double complianceMean = null;
		Double complianceMin = null;
		if (!compliance.isEmpty()) {
			double sum = 0;
			double min = Double.POSITIVE_INFINITY;
			for (double score : compliance.values()) {
				sum += score;
				min = Math.min(min, score);
			}
			complianceMean = sum / compliance.size();
			complianceMin = min;
		}
		Integer threatLevel = inputs.threatLevel();
		Long incidents = inputs.incidents();
		Long escalations = inputs.escalations();
		Double escalationRate = (incidents != null && escalations != null) ? percent(escalations, incidents) : null;
		return new SecurityKpis(inputs.threatsDetected(), blocked, attempted, tp, fp, tn, fn, precision,
				truePositiveRate, falsePositiveRate, accuracy, blockRate, inputs.mttdSeconds(), inputs.mttrSeconds(),
				inputs.timeToRemediateSeconds(), compliance, complianceMean, complianceMin,
				inputs.criticalVulnerabilities(), inputs.highVulnerabilities(), inputs.mediumVulnerabilities(),
				inputs.lowVulnerabilities(), inputs.detectionCoveragePercent(), inputs.responseReadinessScore(),
				threatLevel, (threatLevel != null) ? ThreatLevelStatus.of(threatLevel) : null, incidents, escalations,
				escalationRate, ratio(inputs.authFailures(), inputs.authAttempts()),
				ratio(inputs.authzDenials(), inputs.authzChecks()), inputs.activeThreats(), inputs.blockedIps(),
				inputs.activeSessions(), inputs.pendingAlerts(), escalations, vulnerabilityCount(inputs),
				calculatedAt);
	}

	private static Double ratio(Long numerator, Long denominator) {
		// Over zero attempts a rate is unknown, not 0 (or 100): insufficient data.
		return (numerator != null && denominator != null) ? percent(numerator, denominator) : null;
	}

	private static Integer vulnerabilityCount(KpiInputs inputs) {
		Integer total = null;
		for (Integer count : new Integer[] { inputs.criticalVulnerabilities(), inputs.highVulnerabilities(),
				inputs.mediumVulnerabilities(), inputs.lowVulnerabilities() }) {
			if (count != null) {
				total = ((total != null) ? total : 0) + count;
			}
		}
		return total;
	}

	private static Double percent(long numerator, long denominator) {
		return (denominator > 0) ? 100.0 * numerator / denominator : null;
	}

}
