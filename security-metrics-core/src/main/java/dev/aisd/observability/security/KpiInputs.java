package dev.aisd.observability.security;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inputs of {@link SecurityMetricsCollector#calculateKpis(KpiInputs)}: the parameters
 * of the seed's {@code calculate_kpis}. Every input is optional; an absent input is
 * {@code null} and makes the KPIs that need it say "insufficient data" rather than
 * inventing a value.
 * <p>
 * Built with {@link #builder()} (or the canonical constructor); impossible values
 * (negative counts or times, percentages outside 0..100, a threat level outside 0..5,
 * more attacks blocked than attempted, more failures than attempts) are rejected with an
 * {@link IllegalArgumentException} naming the input.
 *
 * @param threatsDetected the threats detected in the period (also the attempts when attacksAttempted is absent)
 * @param attacksBlocked the attacks blocked in the period
 * @param attacksAttempted the attacks attempted in the period, the denominator of the block rate
 * @param truePositives the detections that were real threats
 * @param falsePositives the detections that were not threats
 * @param trueNegatives the benign events correctly not flagged
 * @param falseNegatives the threats that were missed
 * @param truePositiveRatePercent the true-positive rate (recall), 0..100, used when the counts cannot give it
 * @param falsePositiveRatePercent the false-positive rate, 0..100, used when the counts cannot give it
 * @param mttdSeconds the mean time to detect, in seconds
 * @param mttrSeconds the mean time to respond, in seconds
 * @param timeToRemediateSeconds the mean time to remediate, in seconds
 * @param criticalVulnerabilities the known critical vulnerabilities
 * @param highVulnerabilities the known high vulnerabilities
 * @param mediumVulnerabilities the known medium vulnerabilities
 * @param lowVulnerabilities the known low vulnerabilities
 * @param detectionCoveragePercent the detection coverage of attack vectors, 0..100
 * @param responseReadinessScore the incident-response readiness, 0..100
 * @param threatLevel the threat level, 0..5
 * @param incidents the incidents in the period
 * @param escalations the incident escalations in the period (the seed's escalated incidents)
 * @param complianceScores the compliance score (0..100) by standard, never {@code null}
 * @param authFailures the failed authentication attempts
 * @param authAttempts the authentication attempts, failed and successful (the seed's total auth attempts)
 * @param authzDenials the authorization denials
 * @param authzChecks the authorization checks, denied and granted (the seed's total authz checks)
 * @param activeThreats the threats currently active
 * @param blockedIps the addresses currently blocked
 * @param activeSessions the authenticated sessions currently active
 * @param pendingAlerts the security alerts currently pending
 * @since 0.1.0
 */
public record KpiInputs(Long threatsDetected, Long attacksBlocked, Long attacksAttempted, Long truePositives, Long falsePositives, Long trueNegatives, Long falseNegatives, Double truePositiveRatePercent, Double falsePositiveRatePercent, Double mttdSeconds, Double mttrSeconds, Double timeToRemediateSeconds, Integer criticalVulnerabilities, Integer highVulnerabilities, Integer mediumVulnerabilities, Integer lowVulnerabilities, Double detectionCoveragePercent, Double responseReadinessScore, Integer threatLevel, Long incidents, Long escalations, Map<String, Double> complianceScores, Long authFailures, Long authAttempts, Long authzDenials, Long authzChecks, Long activeThreats, Long blockedIps, Long activeSessions, Long pendingAlerts) {

	/**
	 * Validate the inputs and copy the compliance scores into an unmodifiable sorted map.
	 */
	public KpiInputs {
		nonNegative("threatsDetected", threatsDetected);
		nonNegative("attacksBlocked", attacksBlocked);
		nonNegative("attacksAttempted", attacksAttempted);
		nonNegative("truePositives", truePositives);
		nonNegative("falsePositives", falsePositives);
		nonNegative("trueNegatives", trueNegatives);
		nonNegative("falseNegatives", falseNegatives);
		range("truePositiveRatePercent", truePositiveRatePercent, 0, 100);
		range("falsePositiveRatePercent", falsePositiveRatePercent, 0, 100);
		nonNegative("mttdSeconds", mttdSeconds);
		nonNegative("mttrSeconds", mttrSeconds);
		nonNegative("timeToRemediateSeconds", timeToRemediateSeconds);
		nonNegative("criticalVulnerabilities", criticalVulnerabilities);
		nonNegative("highVulnerabilities", highVulnerabilities);
		nonNegative("mediumVulnerabilities", mediumVulnerabilities);
		nonNegative("lowVulnerabilities", lowVulnerabilities);
		range("detectionCoveragePercent", detectionCoveragePercent, 0, 100);
		range("responseReadinessScore", responseReadinessScore, 0, 100);
		range("threatLevel", threatLevel, 0, 5);
		nonNegative("incidents", incidents);
		nonNegative("escalations", escalations);
		nonNegative("authFailures", authFailures);
		nonNegative("authAttempts", authAttempts);
		nonNegative("authzDenials", authzDenials);
		nonNegative("authzChecks", authzChecks);
		nonNegative("activeThreats", activeThreats);
		nonNegative("blockedIps", blockedIps);
		nonNegative("activeSessions", activeSessions);
		nonNegative("pendingAlerts", pendingAlerts);
		TreeMap<String, Double> scores = new TreeMap<>();
		if (complianceScores != null) {
			complianceScores.forEach((standard, score) -> {
				if (standard == null || standard.isEmpty()) {
					throw new IllegalArgumentException("compliance standard must not be null or empty");
				}
				if (score == null) {
					throw new IllegalArgumentException("compliance score of '" + standard + "' must not be null");
				}
				range("complianceScores[" + standard + "]", score, 0, 100);
				scores.put(standard, score);
			});
		}
		complianceScores = Collections.unmodifiableMap(scores);
		atMost("attacksBlocked", attacksBlocked, "attacksAttempted", attacksAttempted);
		atMost("authFailures", authFailures, "authAttempts", authAttempts);
		atMost("authzDenials", authzDenials, "authzChecks", authzChecks);
	}

	/**
	 * Start building inputs; every input starts absent.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private static void nonNegative(String name, Number value) {
		if (value != null && !(value.doubleValue() >= 0 && Double.isFinite(value.doubleValue()))) {
			throw new IllegalArgumentException(name + " must be a finite number >= 0 but was " + value);
		}
	}

	private static void range(String name, Number value, double min, double max) {
		if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
			throw new IllegalArgumentException(
					name + " must be between " + fmt(min) + " and " + fmt(max) + " but was " + value);
		}
	}

	private static void atMost(String name, Long value, String boundName, Long bound) {
		if (value != null && bound != null && value > bound) {
			throw new IllegalArgumentException(
					name + " (" + value + ") must not exceed " + boundName + " (" + bound + ")");
		}
	}

	private static String fmt(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	/**
	 * Builds {@link KpiInputs}. Each input has a setter taking the primitive (set) and one
	 * taking the boxed type ({@code null} clears it).
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private Long threatsDetected;
		private Long attacksBlocked;
		private Long attacksAttempted;
		private Long truePositives;
		private Long falsePositives;
		private Long trueNegatives;
		private Long falseNegatives;
		private Double truePositiveRatePercent;
		private Double falsePositiveRatePercent;
		private Double mttdSeconds;
		private Double mttrSeconds;
		private Double timeToRemediateSeconds;
		private Integer criticalVulnerabilities;
		private Integer highVulnerabilities;
		private Integer mediumVulnerabilities;
		private Integer lowVulnerabilities;
		private Double detectionCoveragePercent;
		private Double responseReadinessScore;
		private Integer threatLevel;
		private Long incidents;
		private Long escalations;
		private final Map<String, Double> complianceScores = new TreeMap<>();
		private Long authFailures;
		private Long authAttempts;
		private Long authzDenials;
		private Long authzChecks;
		private Long activeThreats;
		private Long blockedIps;
		private Long activeSessions;
		private Long pendingAlerts;
		private Builder() {
		}

		/** Set or clear the threats detected in the period (also the attempts when attacksAttempted is absent): {@code null} makes it absent. */
		public Builder threatsDetected(Long threatsDetected) { this.threatsDetected = threatsDetected; return this; }
		/** Set the threats detected in the period (also the attempts when attacksAttempted is absent). */
		public Builder threatsDetected(long threatsDetected) { return threatsDetected(Long.valueOf(threatsDetected)); }

		/** Set or clear the attacks blocked in the period: {@code null} makes it absent. */
		public Builder attacksBlocked(Long attacksBlocked) { this.attacksBlocked = attacksBlocked; return this; }
		/** Set the attacks blocked in the period. */
		public Builder attacksBlocked(long attacksBlocked) { return attacksBlocked(Long.valueOf(attacksBlocked)); }

		/** Set or clear the attacks attempted in the period, the denominator of the block rate: {@code null} makes it absent. */
		public Builder attacksAttempted(Long attacksAttempted) { this.attacksAttempted = attacksAttempted; return this; }
		/** Set the attacks attempted in the period, the denominator of the block rate. */
		public Builder attacksAttempted(long attacksAttempted) { return attacksAttempted(Long.valueOf(attacksAttempted)); }

		/** Set or clear the detections that were real threats: {@code null} makes it absent. */
		public Builder truePositives(Long truePositives) { this.truePositives = truePositives; return this; }
		/** Set the detections that were real threats. */
		public Builder truePositives(long truePositives) { return truePositives(Long.valueOf(truePositives)); }

		/** Set or clear the detections that were not threats: {@code null} makes it absent. */
		public Builder falsePositives(Long falsePositives) { this.falsePositives = falsePositives; return this; }
		/** Set the detections that were not threats. */
		public Builder falsePositives(long falsePositives) { return falsePositives(Long.valueOf(falsePositives)); }

		/** Set or clear the benign events correctly not flagged: {@code null} makes it absent. */
		public Builder trueNegatives(Long trueNegatives) { this.trueNegatives = trueNegatives; return this; }
		/** Set the benign events correctly not flagged. */
		public Builder trueNegatives(long trueNegatives) { return trueNegatives(Long.valueOf(trueNegatives)); }

		/** Set or clear the threats that were missed: {@code null} makes it absent. */
		public Builder falseNegatives(Long falseNegatives) { this.falseNegatives = falseNegatives; return this; }
		/** Set the threats that were missed. */
		public Builder falseNegatives(long falseNegatives) { return falseNegatives(Long.valueOf(falseNegatives)); }

		/** Set or clear the true-positive rate (recall), 0..100, used when the counts cannot give it: {@code null} makes it absent. */
		public Builder truePositiveRatePercent(Double truePositiveRatePercent) { this.truePositiveRatePercent = truePositiveRatePercent; return this; }
		/** Set the true-positive rate (recall), 0..100, used when the counts cannot give it. */
		public Builder truePositiveRatePercent(double truePositiveRatePercent) { return truePositiveRatePercent(Double.valueOf(truePositiveRatePercent)); }

		/** Set or clear the false-positive rate, 0..100, used when the counts cannot give it: {@code null} makes it absent. */
		public Builder falsePositiveRatePercent(Double falsePositiveRatePercent) { this.falsePositiveRatePercent = falsePositiveRatePercent; return this; }
		/** Set the false-positive rate, 0..100, used when the counts cannot give it. */
		public Builder falsePositiveRatePercent(double falsePositiveRatePercent) { return falsePositiveRatePercent(Double.valueOf(falsePositiveRatePercent)); }

		/** Set or clear the mean time to detect, in seconds: {@code null} makes it absent. */
		public Builder mttdSeconds(Double mttdSeconds) { this.mttdSeconds = mttdSeconds; return this; }
		/** Set the mean time to detect, in seconds. */
		public Builder mttdSeconds(double mttdSeconds) { return mttdSeconds(Double.valueOf(mttdSeconds)); }

		/** Set or clear the mean time to respond, in seconds: {@code null} makes it absent. */
		public Builder mttrSeconds(Double mttrSeconds) { this.mttrSeconds = mttrSeconds; return this; }
		/** Set the mean time to respond, in seconds. */
		public Builder mttrSeconds(double mttrSeconds) { return mttrSeconds(Double.valueOf(mttrSeconds)); }

		/** Set or clear the mean time to remediate, in seconds: {@code null} makes it absent. */
		public Builder timeToRemediateSeconds(Double timeToRemediateSeconds) { this.timeToRemediateSeconds = timeToRemediateSeconds; return this; }
		/** Set the mean time to remediate, in seconds. */
		public Builder timeToRemediateSeconds(double timeToRemediateSeconds) { return timeToRemediateSeconds(Double.valueOf(timeToRemediateSeconds)); }

		/** Set or clear the known critical vulnerabilities: {@code null} makes it absent. */
		public Builder criticalVulnerabilities(Integer criticalVulnerabilities) { this.criticalVulnerabilities = criticalVulnerabilities; return this; }
		/** Set the known critical vulnerabilities. */
		public Builder criticalVulnerabilities(int criticalVulnerabilities) { return criticalVulnerabilities(Integer.valueOf(criticalVulnerabilities)); }

		/** Set or clear the known high vulnerabilities: {@code null} makes it absent. */
		public Builder highVulnerabilities(Integer highVulnerabilities) { this.highVulnerabilities = highVulnerabilities; return this; }
		/** Set the known high vulnerabilities. */
		public Builder highVulnerabilities(int highVulnerabilities) { return highVulnerabilities(Integer.valueOf(highVulnerabilities)); }

		/** Set or clear the known medium vulnerabilities: {@code null} makes it absent. */
		public Builder mediumVulnerabilities(Integer mediumVulnerabilities) { this.mediumVulnerabilities = mediumVulnerabilities; return this; }
		/** Set the known medium vulnerabilities. */
		public Builder mediumVulnerabilities(int mediumVulnerabilities) { return mediumVulnerabilities(Integer.valueOf(mediumVulnerabilities)); }

		/** Set or clear the known low vulnerabilities: {@code null} makes it absent. */
		public Builder lowVulnerabilities(Integer lowVulnerabilities) { this.lowVulnerabilities = lowVulnerabilities; return this; }
		/** Set the known low vulnerabilities. */
		public Builder lowVulnerabilities(int lowVulnerabilities) { return lowVulnerabilities(Integer.valueOf(lowVulnerabilities)); }

		/** Set or clear the detection coverage of attack vectors, 0..100: {@code null} makes it absent. */
		public Builder detectionCoveragePercent(Double detectionCoveragePercent) { this.detectionCoveragePercent = detectionCoveragePercent; return this; }
		/** Set the detection coverage of attack vectors, 0..100. */
		public Builder detectionCoveragePercent(double detectionCoveragePercent) { return detectionCoveragePercent(Double.valueOf(detectionCoveragePercent)); }

		/** Set or clear the incident-response readiness, 0..100: {@code null} makes it absent. */
		public Builder responseReadinessScore(Double responseReadinessScore) { this.responseReadinessScore = responseReadinessScore; return this; }
		/** Set the incident-response readiness, 0..100. */
		public Builder responseReadinessScore(double responseReadinessScore) { return responseReadinessScore(Double.valueOf(responseReadinessScore)); }

		/** Set or clear the threat level, 0..5: {@code null} makes it absent. */
		public Builder threatLevel(Integer threatLevel) { this.threatLevel = threatLevel; return this; }
		/** Set the threat level, 0..5. */
		public Builder threatLevel(int threatLevel) { return threatLevel(Integer.valueOf(threatLevel)); }

		/** Set or clear the incidents in the period: {@code null} makes it absent. */
		public Builder incidents(Long incidents) { this.incidents = incidents; return this; }
		/** Set the incidents in the period. */
		public Builder incidents(long incidents) { return incidents(Long.valueOf(incidents)); }

		/** Set or clear the incident escalations in the period (the seed's escalated incidents): {@code null} makes it absent. */
		public Builder escalations(Long escalations) { this.escalations = escalations; return this; }
		/** Set the incident escalations in the period (the seed's escalated incidents). */
		public Builder escalations(long escalations) { return escalations(Long.valueOf(escalations)); }

		/** Set or clear the failed authentication attempts: {@code null} makes it absent. */
		public Builder authFailures(Long authFailures) { this.authFailures = authFailures; return this; }
		/** Set the failed authentication attempts. */
		public Builder authFailures(long authFailures) { return authFailures(Long.valueOf(authFailures)); }

		/** Set or clear the authentication attempts, failed and successful (the seed's total auth attempts): {@code null} makes it absent. */
		public Builder authAttempts(Long authAttempts) { this.authAttempts = authAttempts; return this; }
		/** Set the authentication attempts, failed and successful (the seed's total auth attempts). */
		public Builder authAttempts(long authAttempts) { return authAttempts(Long.valueOf(authAttempts)); }

		/** Set or clear the authorization denials: {@code null} makes it absent. */
		public Builder authzDenials(Long authzDenials) { this.authzDenials = authzDenials; return this; }
		/** Set the authorization denials. */
		public Builder authzDenials(long authzDenials) { return authzDenials(Long.valueOf(authzDenials)); }

		/** Set or clear the authorization checks, denied and granted (the seed's total authz checks): {@code null} makes it absent. */
		public Builder authzChecks(Long authzChecks) { this.authzChecks = authzChecks; return this; }
		/** Set the authorization checks, denied and granted (the seed's total authz checks). */
		public Builder authzChecks(long authzChecks) { return authzChecks(Long.valueOf(authzChecks)); }

		/** Set or clear the threats currently active: {@code null} makes it absent. */
		public Builder activeThreats(Long activeThreats) { this.activeThreats = activeThreats; return this; }
		/** Set the threats currently active. */
		public Builder activeThreats(long activeThreats) { return activeThreats(Long.valueOf(activeThreats)); }

		/** Set or clear the addresses currently blocked: {@code null} makes it absent. */
		public Builder blockedIps(Long blockedIps) { this.blockedIps = blockedIps; return this; }
		/** Set the addresses currently blocked. */
		public Builder blockedIps(long blockedIps) { return blockedIps(Long.valueOf(blockedIps)); }

		/** Set or clear the authenticated sessions currently active: {@code null} makes it absent. */
		public Builder activeSessions(Long activeSessions) { this.activeSessions = activeSessions; return this; }
		/** Set the authenticated sessions currently active. */
		public Builder activeSessions(long activeSessions) { return activeSessions(Long.valueOf(activeSessions)); }

		/** Set or clear the security alerts currently pending: {@code null} makes it absent. */
		public Builder pendingAlerts(Long pendingAlerts) { this.pendingAlerts = pendingAlerts; return this; }
		/** Set the security alerts currently pending. */
		public Builder pendingAlerts(long pendingAlerts) { return pendingAlerts(Long.valueOf(pendingAlerts)); }

		/** The seed's name of {@link #escalations(long)}. */
		public Builder escalatedIncidents(long escalatedIncidents) {
			return escalations(escalatedIncidents);
		}

		/** The seed's name of {@link #threatLevel(int)}. */
		public Builder currentThreatLevel(int currentThreatLevel) {
			return threatLevel(currentThreatLevel);
		}

		/** The seed's name of {@link #authAttempts(long)}. */
		public Builder totalAuthAttempts(long totalAuthAttempts) {
			return authAttempts(totalAuthAttempts);
		}

		/** The seed's name of {@link #authzChecks(long)}. */
		public Builder totalAuthzChecks(long totalAuthzChecks) {
			return authzChecks(totalAuthzChecks);
		}

		/**
		 * Set the compliance score of one standard.
		 * @param standard the standard, for example {@code GDPR}
		 * @param score the score, 0..100
		 * @return this builder
		 */
		public Builder complianceScore(String standard, double score) {
			if (standard == null || standard.isEmpty()) {
				throw new IllegalArgumentException("compliance standard must not be null or empty");
			}
			this.complianceScores.put(standard, score);
			return this;
		}

		/**
		 * Replace the compliance scores.
		 * @param complianceScores the scores (0..100) by standard, or {@code null} for none
		 * @return this builder
		 */
		public Builder complianceScores(Map<String, Double> complianceScores) {
			this.complianceScores.clear();
			if (complianceScores != null) {
				complianceScores.forEach((standard, score) -> {
					if (score == null) {
						throw new IllegalArgumentException("compliance score of '" + standard + "' must not be null");
					}
					complianceScore(standard, score);
				});
			}
			return this;
		}

		/**
		 * Build the inputs.
		 * @return the inputs
		 * @throws IllegalArgumentException if an input is impossible
		 */
		public KpiInputs build() {
			return new KpiInputs(this.threatsDetected, this.attacksBlocked, this.attacksAttempted, this.truePositives, this.falsePositives, this.trueNegatives, this.falseNegatives, this.truePositiveRatePercent, this.falsePositiveRatePercent, this.mttdSeconds, this.mttrSeconds, this.timeToRemediateSeconds, this.criticalVulnerabilities, this.highVulnerabilities, this.mediumVulnerabilities, this.lowVulnerabilities, this.detectionCoveragePercent, this.responseReadinessScore, this.threatLevel, this.incidents, this.escalations, this.complianceScores, this.authFailures, this.authAttempts, this.authzDenials, this.authzChecks, this.activeThreats, this.blockedIps, this.activeSessions, this.pendingAlerts);
		}

	}

}
