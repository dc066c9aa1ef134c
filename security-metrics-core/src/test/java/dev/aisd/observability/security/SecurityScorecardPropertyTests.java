package dev.aisd.observability.security;

import java.util.ArrayList;
import java.util.List;

import dev.aisd.observability.security.SecurityScorecard.Dimension;
import dev.aisd.observability.security.SecurityScorecard.DimensionScore;
import dev.aisd.observability.security.SecurityScorecard.Status;
import dev.aisd.observability.security.SecurityScorecard.SubScore;
import dev.aisd.observability.security.internal.KpiCalculator;
import dev.aisd.observability.security.internal.ScorecardCalculator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the KPIs and the scorecard over arbitrary inputs.
 */
class SecurityScorecardPropertyTests {

	@Provide
	Arbitrary<KpiInputs.Builder> inputs() {
		Arbitrary<Long> counts = Arbitraries.longs().between(0, 1_000_000).injectNull(0.2);
		Arbitrary<Double> seconds = Arbitraries.doubles().between(0, 100_000).injectNull(0.2);
		Arbitrary<Double> percents = Arbitraries.doubles().between(0, 100).injectNull(0.2);
		Arbitrary<Integer> vulnerabilities = Arbitraries.integers().between(0, 50).injectNull(0.2);
		return Builders.withBuilder(KpiInputs::builder)
			.use(counts).in((b, v) -> b.threatsDetected(v))
			.use(counts).in((b, v) -> b.attacksBlocked(v))
			.use(counts).in((b, v) -> b.truePositives(v))
			.use(counts).in((b, v) -> b.falsePositives(v))
			.use(counts).in((b, v) -> b.trueNegatives(v))
			.use(counts).in((b, v) -> b.falseNegatives(v))
			.use(percents).in((b, v) -> b.truePositiveRatePercent(v))
			.use(percents).in((b, v) -> b.falsePositiveRatePercent(v))
			.use(seconds).in((b, v) -> b.mttdSeconds(v))
			.use(seconds).in((b, v) -> b.mttrSeconds(v))
			.use(seconds).in((b, v) -> b.timeToRemediateSeconds(v))
			.use(percents).in((b, v) -> {
				if (v != null) {
					b.complianceScore("GDPR", v);
				}
				return b;
			})
			.use(percents).in((b, v) -> {
				if (v != null) {
					b.complianceScore("SOC2", v);
				}
				return b;
			})
			.use(vulnerabilities).in((b, v) -> b.criticalVulnerabilities(v))
			.use(vulnerabilities).in((b, v) -> b.highVulnerabilities(v))
			.use(percents).in((b, v) -> b.detectionCoveragePercent(v))
			.use(percents).in((b, v) -> b.responseReadinessScore(v))
			.use(Arbitraries.integers().between(0, 5).injectNull(0.2)).in((b, v) -> b.threatLevel(v))
			.build();
	}

	private static SecurityScorecard scorecard(KpiInputs inputs) {
		return ScorecardCalculator.scorecard(KpiCalculator.calculate(inputs));
	}

	@Property
	void everyScoreWhenAnyInputsThenWithin0And100(@ForAll("inputs") KpiInputs.Builder builder) {
		SecurityScorecard scorecard = scorecard(builder.build());
		List<Double> scores = new ArrayList<>();
		scores.add(scorecard.overallScore());
		for (DimensionScore dimension : scorecard.dimensions()) {
			scores.add(dimension.score());
			dimension.subScores().forEach((sub) -> scores.add(sub.score()));
		}
		assertThat(scores).allSatisfy((score) -> {
			if (score != null) {
				assertThat(score).isBetween(0.0, 100.0);
			}
		});
	}

	@Property
	void detectionScoreWhenMoreFalsePositivesThenNeverHigher(@ForAll("inputs") KpiInputs.Builder builder,
			@ForAll @IntRange(min = 1, max = 100_000) int extraFalsePositives) {
		KpiInputs before = builder.build();
		long falsePositives = (before.falsePositives() != null) ? before.falsePositives() : 0;
		KpiInputs after = builder.falsePositives(falsePositives + extraFalsePositives).build();
		Double scoreBefore = scorecard(before.falsePositives() != null ? before : builder.falsePositives(0L).build())
			.dimension(Dimension.DETECTION)
			.score();
		Double scoreAfter = scorecard(after).dimension(Dimension.DETECTION).score();
		if (scoreBefore != null) {
			assertThat(scoreAfter).isNotNull().isLessThanOrEqualTo(scoreBefore);
		}
	}

	@Property
	void responseScoreWhenFasterThenNeverLower(@ForAll("inputs") KpiInputs.Builder builder,
			@ForAll @DoubleRange(min = 0, max = 1) double mttrFactor,
			@ForAll @DoubleRange(min = 0, max = 1) double remediateFactor) {
		KpiInputs slow = builder.build();
		KpiInputs fast = builder.mttrSeconds((slow.mttrSeconds() != null) ? slow.mttrSeconds() * mttrFactor : null)
			.timeToRemediateSeconds(
					(slow.timeToRemediateSeconds() != null) ? slow.timeToRemediateSeconds() * remediateFactor : null)
			.build();
		Double slowScore = scorecard(slow).dimension(Dimension.RESPONSE).score();
		Double fastScore = scorecard(fast).dimension(Dimension.RESPONSE).score();
		if (slowScore == null) {
			assertThat(fastScore).isNull();
		}
		else {
			assertThat(fastScore).isGreaterThanOrEqualTo(slowScore);
		}
	}

	@Property
	void scoresWhenDataMissingThenInsufficientDataNeverZeroOrHundred(@ForAll("inputs") KpiInputs.Builder builder) {
		SecurityScorecard scorecard = scorecard(builder.build());
		boolean anyDimension = false;
		for (DimensionScore dimension : scorecard.dimensions()) {
			boolean anySub = false;
			for (SubScore sub : dimension.subScores()) {
				assertThat(sub.score() == null).isEqualTo(sub.value() == null);
				assertThat(sub.status() == Status.INSUFFICIENT_DATA).isEqualTo(sub.score() == null);
				anySub |= sub.score() != null;
			}
			assertThat(dimension.hasScore()).isEqualTo(anySub);
			assertThat(dimension.status() == Status.INSUFFICIENT_DATA).isEqualTo(!anySub);
			anyDimension |= anySub;
		}
		assertThat(scorecard.hasOverallScore()).isEqualTo(anyDimension);
	}

	@Property
	void kpisWhenInputAbsentThenKpiNull(@ForAll("inputs") KpiInputs.Builder builder) {
		KpiInputs inputs = builder.build();
		SecurityKpis kpis = KpiCalculator.calculate(inputs);
		if (inputs.truePositives() == null || inputs.falsePositives() == null) {
			assertThat(kpis.precisionPercent()).isNull();
		}
		if (inputs.truePositives() == null || inputs.trueNegatives() == null || inputs.falsePositives() == null
				|| inputs.falseNegatives() == null) {
			assertThat(kpis.detectionAccuracyPercent()).isNull();
		}
		if (inputs.mttdSeconds() == null) {
			assertThat(kpis.mttdSeconds()).isNull();
		}
	}

	@Property
	void subScoresWhenKpiWorseThenNeverHigher(@ForAll @DoubleRange(min = 0, max = 100) double a,
			@ForAll @DoubleRange(min = 0, max = 100) double b, @ForAll @DoubleRange(min = 0, max = 1e6) double s,
			@ForAll @DoubleRange(min = 0, max = 1e6) double t) {
		double low = Math.min(a, b);
		double high = Math.max(a, b);
		assertThat(ScorecardCalculator.higherIsBetter(low, 95))
			.isLessThanOrEqualTo(ScorecardCalculator.higherIsBetter(high, 95));
		assertThat(ScorecardCalculator.lowerIsBetter(high, 5))
			.isLessThanOrEqualTo(ScorecardCalculator.lowerIsBetter(low, 5));
		assertThat(ScorecardCalculator.timeScore(Math.max(s, t), 60))
			.isLessThanOrEqualTo(ScorecardCalculator.timeScore(Math.min(s, t), 60));
	}

	@Property
	void overallScoreWhenAnyInputsThenBetweenLowestAndHighestDimension(@ForAll("inputs") KpiInputs.Builder builder) {
		SecurityScorecard scorecard = scorecard(builder.build());
		if (scorecard.hasOverallScore()) {
			double min = scorecard.dimensions()
				.stream()
				.filter(DimensionScore::hasScore)
				.mapToDouble(DimensionScore::score)
				.min()
				.getAsDouble();
			double max = scorecard.dimensions()
				.stream()
				.filter(DimensionScore::hasScore)
				.mapToDouble(DimensionScore::score)
				.max()
				.getAsDouble();
			// Dimension scores are rounded to 0.01, the overall from unrounded ones.
			assertThat(scorecard.overallScore()).isBetween(min - 0.01, max + 0.01);
		}
	}

}
