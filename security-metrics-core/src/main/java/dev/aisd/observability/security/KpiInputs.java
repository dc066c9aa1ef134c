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
 * Built with {@link #builder()}; {@link Builder#build()} rejects impossible values
 * (negative counts or times, percentages outside 0..100, a threat level outside 0..5,
 * more attacks blocked than attempted) with an {@link IllegalArgumentException} naming
 * the input.
 *
 * @since 0.1.0
 */
public final class KpiInputs {

	private final Long threatsDetected;

	private final Long attacksBlocked;

	private final Long attacksAttempted;

	private final Long truePositives;

	private final Long falsePositives;

	private final Long trueNegatives;

	private final Long falseNegatives;

	private final Double truePositiveRatePercent;

	private final Double falsePositiveRatePercent;

	private final Double mttdSeconds;

	private final Double mttrSeconds;

	private final Double timeToRemediateSeconds;

	private final Integer criticalVulnerabilities;

	private final Integer highVulnerabilities;

	private final Integer mediumVulnerabilities;

	private final Integer lowVulnerabilities;

	private final Double detectionCoveragePercent;

	private final Double responseReadinessScore;

	private final Integer threatLevel;

	private final Long incidents;

	private final Long escalations;

	private final Map<String, Double> complianceScores;

	private KpiInputs(Builder builder) {
		this.threatsDetected = builder.threatsDetected;
		this.attacksBlocked = builder.attacksBlocked;
		this.attacksAttempted = builder.attacksAttempted;
		this.truePositives = builder.truePositives;
		this.falsePositives = builder.falsePositives;
		this.trueNegatives = builder.trueNegatives;
		this.falseNegatives = builder.falseNegatives;
		this.truePositiveRatePercent = builder.truePositiveRatePercent;
		this.falsePositiveRatePercent = builder.falsePositiveRatePercent;
		this.mttdSeconds = builder.mttdSeconds;
		this.mttrSeconds = builder.mttrSeconds;
		this.timeToRemediateSeconds = builder.timeToRemediateSeconds;
		this.criticalVulnerabilities = builder.criticalVulnerabilities;
		this.highVulnerabilities = builder.highVulnerabilities;
		this.mediumVulnerabilities = builder.mediumVulnerabilities;
		this.lowVulnerabilities = builder.lowVulnerabilities;
		this.detectionCoveragePercent = builder.detectionCoveragePercent;
		this.responseReadinessScore = builder.responseReadinessScore;
		this.threatLevel = builder.threatLevel;
		this.incidents = builder.incidents;
		this.escalations = builder.escalations;
		this.complianceScores = Collections.unmodifiableMap(new TreeMap<>(builder.complianceScores));
	}

	/**
	 * Start building inputs; every input starts absent.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the threats detected in the period (also the attempts when attacksAttempted is absent).
	 * @return the value, or {@code null} when absent
	 */
	public Long threatsDetected() {
		return this.threatsDetected;
	}

	/**
	 * Return the attacks blocked in the period.
	 * @return the value, or {@code null} when absent
	 */
	public Long attacksBlocked() {
		return this.attacksBlocked;
	}

	/**
	 * Return the attacks attempted in the period, the denominator of the block rate.
	 * @return the value, or {@code null} when absent
	 */
	public Long attacksAttempted() {
		return this.attacksAttempted;
	}

	/**
	 * Return the detections that were real threats.
	 * @return the value, or {@code null} when absent
	 */
	public Long truePositives() {
		return this.truePositives;
	}

	/**
	 * Return the detections that were not threats.
	 * @return the value, or {@code null} when absent
	 */
	public Long falsePositives() {
		return this.falsePositives;
	}

	/**
	 * Return the benign events correctly not flagged.
	 * @return the value, or {@code null} when absent
	 */
	public Long trueNegatives() {
		return this.trueNegatives;
	}

	/**
	 * Return the threats that were missed.
	 * @return the value, or {@code null} when absent
	 */
	public Long falseNegatives() {
		return this.falseNegatives;
	}

	/**
	 * Return the true-positive rate (recall) in percent, used when the counts that compute it are absent.
	 * @return the value, or {@code null} when absent
	 */
	public Double truePositiveRatePercent() {
		return this.truePositiveRatePercent;
	}

	/**
	 * Return the false-positive rate in percent, used when the counts that compute it are absent.
	 * @return the value, or {@code null} when absent
	 */
	public Double falsePositiveRatePercent() {
		return this.falsePositiveRatePercent;
	}

	/**
	 * Return the mean time to detect, in seconds.
	 * @return the value, or {@code null} when absent
	 */
	public Double mttdSeconds() {
		return this.mttdSeconds;
	}

	/**
	 * Return the mean time to respond, in seconds.
	 * @return the value, or {@code null} when absent
	 */
	public Double mttrSeconds() {
		return this.mttrSeconds;
	}

	/**
	 * Return the mean time to remediate, in seconds.
	 * @return the value, or {@code null} when absent
	 */
	public Double timeToRemediateSeconds() {
		return this.timeToRemediateSeconds;
	}

	/**
	 * Return the known critical vulnerabilities.
	 * @return the value, or {@code null} when absent
	 */
	public Integer criticalVulnerabilities() {
		return this.criticalVulnerabilities;
	}

	/**
	 * Return the known high vulnerabilities.
	 * @return the value, or {@code null} when absent
	 */
	public Integer highVulnerabilities() {
		return this.highVulnerabilities;
	}

	/**
	 * Return the known medium vulnerabilities.
	 * @return the value, or {@code null} when absent
	 */
	public Integer mediumVulnerabilities() {
		return this.mediumVulnerabilities;
	}

	/**
	 * Return the known low vulnerabilities.
	 * @return the value, or {@code null} when absent
	 */
	public Integer lowVulnerabilities() {
		return this.lowVulnerabilities;
	}

	/**
	 * Return the detection coverage of attack vectors, 0..100.
	 * @return the value, or {@code null} when absent
	 */
	public Double detectionCoveragePercent() {
		return this.detectionCoveragePercent;
	}

	/**
	 * Return the incident-response readiness, 0..100.
	 * @return the value, or {@code null} when absent
	 */
	public Double responseReadinessScore() {
		return this.responseReadinessScore;
	}

	/**
	 * Return the threat level, 0..5.
	 * @return the value, or {@code null} when absent
	 */
	public Integer threatLevel() {
		return this.threatLevel;
	}

	/**
	 * Return the incidents in the period.
	 * @return the value, or {@code null} when absent
	 */
	public Long incidents() {
		return this.incidents;
	}

	/**
	 * Return the incident escalations in the period.
	 * @return the value, or {@code null} when absent
	 */
	public Long escalations() {
		return this.escalations;
	}

	/**
	 * Return the compliance score (0..100) of each standard.
	 * @return the scores by standard, sorted, possibly empty, never {@code null}
	 */
	public Map<String, Double> complianceScores() {
		return this.complianceScores;
	}

	/**
	 * Builds {@link KpiInputs}. Not thread-safe.
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

		private Builder() {
		}

		/**
		 * Set the threats detected in the period (also the attempts when attacksAttempted is absent).
		 * @param threatsDetected the value
		 * @return this builder
		 */
		public Builder threatsDetected(long threatsDetected) {
			this.threatsDetected = threatsDetected;
			return this;
		}

		/**
		 * Set or clear the threats detected in the period (also the attempts when attacksAttempted is absent).
		 * @param threatsDetected the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder threatsDetected(Long threatsDetected) {
			this.threatsDetected = threatsDetected;
			return this;
		}

		/**
		 * Set the attacks blocked in the period.
		 * @param attacksBlocked the value
		 * @return this builder
		 */
		public Builder attacksBlocked(long attacksBlocked) {
			this.attacksBlocked = attacksBlocked;
			return this;
		}

		/**
		 * Set or clear the attacks blocked in the period.
		 * @param attacksBlocked the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder attacksBlocked(Long attacksBlocked) {
			this.attacksBlocked = attacksBlocked;
			return this;
		}

		/**
		 * Set the attacks attempted in the period, the denominator of the block rate.
		 * @param attacksAttempted the value
		 * @return this builder
		 */
		public Builder attacksAttempted(long attacksAttempted) {
			this.attacksAttempted = attacksAttempted;
			return this;
		}

		/**
		 * Set or clear the attacks attempted in the period, the denominator of the block rate.
		 * @param attacksAttempted the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder attacksAttempted(Long attacksAttempted) {
			this.attacksAttempted = attacksAttempted;
			return this;
		}

		/**
		 * Set the detections that were real threats.
		 * @param truePositives the value
		 * @return this builder
		 */
		public Builder truePositives(long truePositives) {
			this.truePositives = truePositives;
			return this;
		}

		/**
		 * Set or clear the detections that were real threats.
		 * @param truePositives the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder truePositives(Long truePositives) {
			this.truePositives = truePositives;
			return this;
		}

		/**
		 * Set the detections that were not threats.
		 * @param falsePositives the value
		 * @return this builder
		 */
		public Builder falsePositives(long falsePositives) {
			this.falsePositives = falsePositives;
			return this;
		}

		/**
		 * Set or clear the detections that were not threats.
		 * @param falsePositives the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder falsePositives(Long falsePositives) {
			this.falsePositives = falsePositives;
			return this;
		}

		/**
		 * Set the benign events correctly not flagged.
		 * @param trueNegatives the value
		 * @return this builder
		 */
		public Builder trueNegatives(long trueNegatives) {
			this.trueNegatives = trueNegatives;
			return this;
		}

		/**
		 * Set or clear the benign events correctly not flagged.
		 * @param trueNegatives the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder trueNegatives(Long trueNegatives) {
			this.trueNegatives = trueNegatives;
			return this;
		}

		/**
		 * Set the threats that were missed.
		 * @param falseNegatives the value
		 * @return this builder
		 */
		public Builder falseNegatives(long falseNegatives) {
			this.falseNegatives = falseNegatives;
			return this;
		}

		/**
		 * Set or clear the threats that were missed.
		 * @param falseNegatives the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder falseNegatives(Long falseNegatives) {
			this.falseNegatives = falseNegatives;
			return this;
		}

		/**
		 * Set the true-positive rate (recall) in percent, used when the counts that compute it are absent.
		 * @param truePositiveRatePercent the value, 0..100
		 * @return this builder
		 */
		public Builder truePositiveRatePercent(double truePositiveRatePercent) {
			this.truePositiveRatePercent = truePositiveRatePercent;
			return this;
		}

		/**
		 * Set or clear the true-positive rate (recall) in percent, used when the counts that compute it are absent.
		 * @param truePositiveRatePercent the value, 0..100, or {@code null} for absent
		 * @return this builder
		 */
		public Builder truePositiveRatePercent(Double truePositiveRatePercent) {
			this.truePositiveRatePercent = truePositiveRatePercent;
			return this;
		}

		/**
		 * Set the false-positive rate in percent, used when the counts that compute it are absent.
		 * @param falsePositiveRatePercent the value, 0..100
		 * @return this builder
		 */
		public Builder falsePositiveRatePercent(double falsePositiveRatePercent) {
			this.falsePositiveRatePercent = falsePositiveRatePercent;
			return this;
		}

		/**
		 * Set or clear the false-positive rate in percent, used when the counts that compute it are absent.
		 * @param falsePositiveRatePercent the value, 0..100, or {@code null} for absent
		 * @return this builder
		 */
		public Builder falsePositiveRatePercent(Double falsePositiveRatePercent) {
			this.falsePositiveRatePercent = falsePositiveRatePercent;
			return this;
		}

		/**
		 * Set the mean time to detect, in seconds.
		 * @param mttdSeconds the value
		 * @return this builder
		 */
		public Builder mttdSeconds(double mttdSeconds) {
			this.mttdSeconds = mttdSeconds;
			return this;
		}

		/**
		 * Set or clear the mean time to detect, in seconds.
		 * @param mttdSeconds the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder mttdSeconds(Double mttdSeconds) {
			this.mttdSeconds = mttdSeconds;
			return this;
		}

		/**
		 * Set the mean time to respond, in seconds.
		 * @param mttrSeconds the value
		 * @return this builder
		 */
		public Builder mttrSeconds(double mttrSeconds) {
			this.mttrSeconds = mttrSeconds;
			return this;
		}

		/**
		 * Set or clear the mean time to respond, in seconds.
		 * @param mttrSeconds the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder mttrSeconds(Double mttrSeconds) {
			this.mttrSeconds = mttrSeconds;
			return this;
		}

		/**
		 * Set the mean time to remediate, in seconds.
		 * @param timeToRemediateSeconds the value
		 * @return this builder
		 */
		public Builder timeToRemediateSeconds(double timeToRemediateSeconds) {
			this.timeToRemediateSeconds = timeToRemediateSeconds;
			return this;
		}

		/**
		 * Set or clear the mean time to remediate, in seconds.
		 * @param timeToRemediateSeconds the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder timeToRemediateSeconds(Double timeToRemediateSeconds) {
			this.timeToRemediateSeconds = timeToRemediateSeconds;
			return this;
		}

		/**
		 * Set the known critical vulnerabilities.
		 * @param criticalVulnerabilities the value
		 * @return this builder
		 */
		public Builder criticalVulnerabilities(int criticalVulnerabilities) {
			this.criticalVulnerabilities = criticalVulnerabilities;
			return this;
		}

		/**
		 * Set or clear the known critical vulnerabilities.
		 * @param criticalVulnerabilities the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder criticalVulnerabilities(Integer criticalVulnerabilities) {
			this.criticalVulnerabilities = criticalVulnerabilities;
			return this;
		}

		/**
		 * Set the known high vulnerabilities.
		 * @param highVulnerabilities the value
		 * @return this builder
		 */
		public Builder highVulnerabilities(int highVulnerabilities) {
			this.highVulnerabilities = highVulnerabilities;
			return this;
		}

		/**
		 * Set or clear the known high vulnerabilities.
		 * @param highVulnerabilities the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder highVulnerabilities(Integer highVulnerabilities) {
			this.highVulnerabilities = highVulnerabilities;
			return this;
		}

		/**
		 * Set the known medium vulnerabilities.
		 * @param mediumVulnerabilities the value
		 * @return this builder
		 */
		public Builder mediumVulnerabilities(int mediumVulnerabilities) {
			this.mediumVulnerabilities = mediumVulnerabilities;
			return this;
		}

		/**
		 * Set or clear the known medium vulnerabilities.
		 * @param mediumVulnerabilities the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder mediumVulnerabilities(Integer mediumVulnerabilities) {
			this.mediumVulnerabilities = mediumVulnerabilities;
			return this;
		}

		/**
		 * Set the known low vulnerabilities.
		 * @param lowVulnerabilities the value
		 * @return this builder
		 */
		public Builder lowVulnerabilities(int lowVulnerabilities) {
			this.lowVulnerabilities = lowVulnerabilities;
			return this;
		}

		/**
		 * Set or clear the known low vulnerabilities.
		 * @param lowVulnerabilities the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder lowVulnerabilities(Integer lowVulnerabilities) {
			this.lowVulnerabilities = lowVulnerabilities;
			return this;
		}

		/**
		 * Set the detection coverage of attack vectors, 0..100.
		 * @param detectionCoveragePercent the value
		 * @return this builder
		 */
		public Builder detectionCoveragePercent(double detectionCoveragePercent) {
			this.detectionCoveragePercent = detectionCoveragePercent;
			return this;
		}

		/**
		 * Set or clear the detection coverage of attack vectors, 0..100.
		 * @param detectionCoveragePercent the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder detectionCoveragePercent(Double detectionCoveragePercent) {
			this.detectionCoveragePercent = detectionCoveragePercent;
			return this;
		}

		/**
		 * Set the incident-response readiness, 0..100.
		 * @param responseReadinessScore the value
		 * @return this builder
		 */
		public Builder responseReadinessScore(double responseReadinessScore) {
			this.responseReadinessScore = responseReadinessScore;
			return this;
		}

		/**
		 * Set or clear the incident-response readiness, 0..100.
		 * @param responseReadinessScore the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder responseReadinessScore(Double responseReadinessScore) {
			this.responseReadinessScore = responseReadinessScore;
			return this;
		}

		/**
		 * Set the threat level, 0..5.
		 * @param threatLevel the value
		 * @return this builder
		 */
		public Builder threatLevel(int threatLevel) {
			this.threatLevel = threatLevel;
			return this;
		}

		/**
		 * Set or clear the threat level, 0..5.
		 * @param threatLevel the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder threatLevel(Integer threatLevel) {
			this.threatLevel = threatLevel;
			return this;
		}

		/**
		 * Set the incidents in the period.
		 * @param incidents the value
		 * @return this builder
		 */
		public Builder incidents(long incidents) {
			this.incidents = incidents;
			return this;
		}

		/**
		 * Set or clear the incidents in the period.
		 * @param incidents the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder incidents(Long incidents) {
			this.incidents = incidents;
			return this;
		}

		/**
		 * Set the incident escalations in the period.
		 * @param escalations the value
		 * @return this builder
		 */
		public Builder escalations(long escalations) {
			this.escalations = escalations;
			return this;
		}

		/**
		 * Set or clear the incident escalations in the period.
		 * @param escalations the value, or {@code null} for absent
		 * @return this builder
		 */
		public Builder escalations(Long escalations) {
			this.escalations = escalations;
			return this;
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
			this.complianceScores.forEach((standard, score) -> range("complianceScores[" + standard + "]", score, 0, 100));
			if (this.attacksBlocked != null && this.attacksAttempted != null
					&& this.attacksBlocked > this.attacksAttempted) {
				throw new IllegalArgumentException("attacksBlocked (" + this.attacksBlocked
						+ ") must not exceed attacksAttempted (" + this.attacksAttempted + ")");
			}
			return new KpiInputs(this);
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

		private static String fmt(double value) {
			return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
		}

	}

}
