package dev.aisd.observability.security;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Security KPIs, as computed by {@link SecurityMetricsCollector#calculateKpis(KpiInputs)}
 * or read from the live collector by {@link SecurityMetricsCollector#currentKpis()}.
 * <p>
 * Every KPI is nullable: {@code null} means "insufficient data" (an input it needs was
 * absent, or its denominator was zero); a KPI is never invented as 0 or 100. Rates and
 * scores are percentages (0..100); times are seconds. The exact formulas are in
 * {@code docs/security-metrics.md}.
 *
 * @param threatsDetected threats detected
 * @param attacksBlocked attacks blocked
 * @param attacksAttempted attacks attempted: the input, else the threats detected
 * @param truePositives detections that were real threats
 * @param falsePositives detections that were not threats
 * @param trueNegatives benign events correctly not flagged
 * @param falseNegatives threats that were missed
 * @param precisionPercent detection precision, {@code 100 * TP / (TP + FP)}
 * @param truePositiveRatePercent true-positive rate (recall), {@code 100 * TP / (TP + FN)}
 * @param falsePositiveRatePercent false-positive rate, {@code 100 * FP / (FP + TN)}
 * @param detectionAccuracyPercent detection accuracy,
 * {@code 100 * (TP + TN) / (TP + TN + FP + FN)}
 * @param attackBlockRatePercent attack block rate,
 * {@code 100 * min(blocked, attempted) / attempted}
 * @param mttdSeconds mean time to detect
 * @param mttrSeconds mean time to respond
 * @param timeToRemediateSeconds mean time to remediate
 * @param complianceScores compliance score (0..100) by standard, never {@code null}
 * @param complianceMeanScore mean of the compliance scores
 * @param complianceMinScore lowest compliance score
 * @param criticalVulnerabilities known critical vulnerabilities
 * @param highVulnerabilities known high vulnerabilities
 * @param mediumVulnerabilities known medium vulnerabilities
 * @param lowVulnerabilities known low vulnerabilities
 * @param detectionCoveragePercent detection coverage of attack vectors
 * @param responseReadinessScore incident-response readiness (0..100)
 * @param threatLevel threat level (0..5)
 * @param threatLevelStatus the band of the threat level
 * @param incidents incidents
 * @param escalations incident escalations
 * @param escalationRatePercent share of incidents escalated, {@code 100 * escalations / incidents}
 * @param authFailureRatePercent authentication failure rate, {@code 100 * authFailures / authAttempts}
 * @param authzDenialRatePercent authorization denial rate, {@code 100 * authzDenials / authzChecks}
 * @param activeThreats threats currently active (sum over threat types)
 * @param blockedIps addresses currently blocked (sum over block reasons)
 * @param activeSessions authenticated sessions currently active (sum over methods)
 * @param pendingAlerts security alerts currently pending (sum over severities)
 * @param escalatedIncidents escalated incidents (the escalations input)
 * @param vulnerabilityCount known vulnerabilities of the severities given (critical, high,
 * medium, low), {@code null} when none is given
 * @param calculatedAt when the KPIs were computed, or {@code null} when not known
 * @since 0.1.0
 */
public record SecurityKpis(Long threatsDetected, Long attacksBlocked, Long attacksAttempted, Long truePositives,
		Long falsePositives, Long trueNegatives, Long falseNegatives, Double precisionPercent,
		Double truePositiveRatePercent, Double falsePositiveRatePercent, Double detectionAccuracyPercent,
		Double attackBlockRatePercent, Double mttdSeconds, Double mttrSeconds, Double timeToRemediateSeconds,
		Map<String, Double> complianceScores, Double complianceMeanScore, Double complianceMinScore,
		Integer criticalVulnerabilities, Integer highVulnerabilities, Integer mediumVulnerabilities,
		Integer lowVulnerabilities, Double detectionCoveragePercent, Double responseReadinessScore,
		Integer threatLevel, ThreatLevelStatus threatLevelStatus, Long incidents, Long escalations,
		Double escalationRatePercent, Double authFailureRatePercent, Double authzDenialRatePercent, Long activeThreats,
		Long blockedIps, Long activeSessions, Long pendingAlerts, Long escalatedIncidents, Integer vulnerabilityCount,
		Instant calculatedAt) {

	/**
	 * Copy the compliance scores into an unmodifiable sorted map.
	 */
	public SecurityKpis {
		complianceScores = Collections
			.unmodifiableMap((complianceScores != null) ? new TreeMap<>(complianceScores) : new TreeMap<>());
	}

	/**
	 * Create KPIs without the authentication, posture and incident KPIs added in a later
	 * revision (they are {@code null}), keeping the constructor earlier code calls.
	 * @param threatsDetected threats detected
	 * @param attacksBlocked attacks blocked
	 * @param attacksAttempted attacks attempted
	 * @param truePositives true positives
	 * @param falsePositives false positives
	 * @param trueNegatives true negatives
	 * @param falseNegatives false negatives
	 * @param precisionPercent precision
	 * @param truePositiveRatePercent true-positive rate
	 * @param falsePositiveRatePercent false-positive rate
	 * @param detectionAccuracyPercent detection accuracy
	 * @param attackBlockRatePercent attack block rate
	 * @param mttdSeconds mean time to detect
	 * @param mttrSeconds mean time to respond
	 * @param timeToRemediateSeconds mean time to remediate
	 * @param complianceScores compliance scores by standard
	 * @param complianceMeanScore mean compliance score
	 * @param complianceMinScore lowest compliance score
	 * @param criticalVulnerabilities critical vulnerabilities
	 * @param highVulnerabilities high vulnerabilities
	 * @param mediumVulnerabilities medium vulnerabilities
	 * @param lowVulnerabilities low vulnerabilities
	 * @param detectionCoveragePercent detection coverage
	 * @param responseReadinessScore response readiness
	 * @param threatLevel threat level
	 * @param threatLevelStatus threat level band
	 * @param incidents incidents
	 * @param escalations escalations
	 * @param escalationRatePercent escalation rate
	 */
	public SecurityKpis(Long threatsDetected, Long attacksBlocked, Long attacksAttempted, Long truePositives,
			Long falsePositives, Long trueNegatives, Long falseNegatives, Double precisionPercent,
			Double truePositiveRatePercent, Double falsePositiveRatePercent, Double detectionAccuracyPercent,
			Double attackBlockRatePercent, Double mttdSeconds, Double mttrSeconds, Double timeToRemediateSeconds,
			Map<String, Double> complianceScores, Double complianceMeanScore, Double complianceMinScore,
			Integer criticalVulnerabilities, Integer highVulnerabilities, Integer mediumVulnerabilities,
			Integer lowVulnerabilities, Double detectionCoveragePercent, Double responseReadinessScore,
			Integer threatLevel, ThreatLevelStatus threatLevelStatus, Long incidents, Long escalations,
			Double escalationRatePercent) {
		this(threatsDetected, attacksBlocked, attacksAttempted, truePositives, falsePositives, trueNegatives,
				falseNegatives, precisionPercent, truePositiveRatePercent, falsePositiveRatePercent,
				detectionAccuracyPercent, attackBlockRatePercent, mttdSeconds, mttrSeconds, timeToRemediateSeconds,
				complianceScores, complianceMeanScore, complianceMinScore, criticalVulnerabilities, highVulnerabilities,
				mediumVulnerabilities, lowVulnerabilities, detectionCoveragePercent, responseReadinessScore, threatLevel,
				threatLevelStatus, incidents, escalations, escalationRatePercent, null, null, null, null, null, null,
				escalations, null, null);
	}

	/**
	 * The band of a threat level: 0-2 normal, 3-4 elevated, 5 critical.
	 *
	 * @since 0.1.0
	 */
	public enum ThreatLevelStatus {

		/** Threat level 0 to 2. */
		NORMAL,

		/** Threat level 3 or 4. */
		ELEVATED,

		/** Threat level 5. */
		CRITICAL;

		/**
		 * Return the band of a threat level.
		 * @param level the level, clamped into 0..5
		 * @return the band
		 */
		public static ThreatLevelStatus of(int level) {
			if (level >= 5) {
				return CRITICAL;
			}
			return (level >= 3) ? ELEVATED : NORMAL;
		}

	}

}
