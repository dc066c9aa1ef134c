package dev.aisd.observability.security;

import java.util.List;

/**
 * A security scorecard: five dimension scores, their weighted overall score, and the
 * strengths, weaknesses and recommendations that explain them. Produced by
 * {@link SecurityMetricsCollector#generateScorecard(SecurityKpis)}.
 * <p>
 * Every score is within 0..100 and rounded to two decimals; a {@code null} score means
 * "insufficient data" (and its status says {@link Status#INSUFFICIENT_DATA}). The overall
 * score is the weighted mean of the dimensions that have data, their weights
 * renormalised to sum to one. The formulas are in {@code docs/security-metrics.md}.
 *
 * @param overallScore the weighted overall score, or {@code null} when no dimension has data
 * @param overallStatus whether the overall score meets {@link #OVERALL_TARGET}
 * @param dimensions the five dimensions, in the order of {@link Dimension}
 * @param strengths KPIs that meet their target, as sentences
 * @param weaknesses KPIs that miss their target, as sentences
 * @param recommendations what to do about each weakness and each KPI without data
 * @since 0.1.0
 */
public record SecurityScorecard(Double overallScore, Status overallStatus, List<DimensionScore> dimensions,
		List<String> strengths, List<String> weaknesses, List<String> recommendations) {

	/** The overall score a healthy posture reaches or exceeds. */
	public static final double OVERALL_TARGET = 85;

	/**
	 * Copy the lists into unmodifiable ones.
	 */
	public SecurityScorecard {
		dimensions = List.copyOf(dimensions);
		strengths = List.copyOf(strengths);
		weaknesses = List.copyOf(weaknesses);
		recommendations = List.copyOf(recommendations);
	}

	/**
	 * Return the score of one dimension.
	 * @param dimension the dimension
	 * @return its score
	 */
	public DimensionScore dimension(Dimension dimension) {
		for (DimensionScore score : this.dimensions) {
			if (score.dimension() == dimension) {
				return score;
			}
		}
		throw new IllegalStateException("No score for dimension " + dimension);
	}

	/**
	 * Return whether there was enough data for an overall score.
	 * @return whether {@link #overallScore()} is not {@code null}
	 */
	public boolean hasOverallScore() {
		return this.overallScore != null;
	}

	/**
	 * The five dimensions of the scorecard and their weights.
	 *
	 * @since 0.1.0
	 */
	public enum Dimension {

		/** How well threats are detected: 25 %. */
		DETECTION(0.25),

		/** How fast incidents are handled: 25 %. */
		RESPONSE(0.25),

		/** How well attacks are kept out: 20 %. */
		PREVENTION(0.20),

		/** How well the standards are met: 15 %. */
		COMPLIANCE(0.15),

		/** How ready the team is for what comes: 15 %. */
		READINESS(0.15);

		private final double weight;

		Dimension(double weight) {
			this.weight = weight;
		}

		/**
		 * Return the weight of the dimension in the overall score.
		 * @return the weight, the five summing to 1
		 */
		public double weight() {
			return this.weight;
		}

	}

	/**
	 * Whether a score meets its target.
	 *
	 * @since 0.1.0
	 */
	public enum Status {

		/** The score meets its target. */
		MEETS_TARGET,

		/** The score misses its target. */
		BELOW_TARGET,

		/** There was not enough data to compute the score. */
		INSUFFICIENT_DATA

	}

	/**
	 * The score of one dimension.
	 *
	 * @param dimension the dimension
	 * @param weight its weight in the overall score
	 * @param score the mean of its sub-scores that have data, or {@code null}
	 * @param status whether the score meets {@link #OVERALL_TARGET}, or insufficient data
	 * @param explanation how the score was computed, in one sentence
	 * @param subScores the sub-score of every KPI of the dimension, with or without data
	 * @since 0.1.0
	 */
	public record DimensionScore(Dimension dimension, double weight, Double score, Status status, String explanation,
			List<SubScore> subScores) {

		/**
		 * Copy the sub-scores into an unmodifiable list.
		 */
		public DimensionScore {
			subScores = List.copyOf(subScores);
		}

		/**
		 * Return whether there was enough data for a score.
		 * @return whether {@link #score()} is not {@code null}
		 */
		public boolean hasScore() {
			return this.score != null;
		}

	}

	/**
	 * The sub-score of one KPI.
	 *
	 * @param kpi the KPI, for example {@code true-positive rate}
	 * @param value the KPI value, or {@code null} when insufficient data
	 * @param unit the unit of the value ({@code %}, {@code s}, or empty)
	 * @param target the target, for example {@code >= 95 %}
	 * @param score the sub-score (0..100), or {@code null} when insufficient data
	 * @param status whether the KPI meets its target (sub-score 100)
	 * @since 0.1.0
	 */
	public record SubScore(String kpi, Double value, String unit, String target, Double score, Status status) {

	}

}
