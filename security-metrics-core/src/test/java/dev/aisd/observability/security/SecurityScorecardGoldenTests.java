package dev.aisd.observability.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.aisd.observability.security.SecurityScorecard.Dimension;
import dev.aisd.observability.security.SecurityScorecard.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Reproduces the worked examples of {@code docs/security-metrics.md} to the decimal. If
 * this test changes, the document changes with it.
 */
class SecurityScorecardGoldenTests {

	private final SecurityMetricsCollector collector = new SecurityMetricsCollector(new SimpleMeterRegistry());

	static KpiInputs workedExample() {
		return KpiInputs.builder()
			.threatsDetected(150)
			.attacksBlocked(142)
			.truePositives(135)
			.falsePositives(7)
			.trueNegatives(843)
			.falseNegatives(15)
			.mttdSeconds(90)
			.mttrSeconds(420)
			.timeToRemediateSeconds(600)
			.complianceScore("GDPR", 87.5)
			.complianceScore("SOC2", 95)
			.criticalVulnerabilities(1)
			.highVulnerabilities(7)
			.detectionCoveragePercent(88)
			.responseReadinessScore(80)
			.threatLevel(3)
			.build();
	}

	@Test
	void calculateKpisWhenWorkedExampleThenDocumentedKpis() {
		SecurityKpis kpis = this.collector.calculateKpis(workedExample());
		assertThat(kpis.precisionPercent()).isCloseTo(95.0704, within(0.00005));
		assertThat(kpis.truePositiveRatePercent()).isEqualTo(90.0);
		assertThat(kpis.falsePositiveRatePercent()).isCloseTo(0.8235, within(0.00005));
		assertThat(kpis.detectionAccuracyPercent()).isCloseTo(97.8, within(1e-12));
		assertThat(kpis.attacksAttempted()).isEqualTo(150);
		assertThat(kpis.attackBlockRatePercent()).isCloseTo(94.6667, within(0.00005));
		assertThat(kpis.complianceMeanScore()).isEqualTo(91.25);
		assertThat(kpis.complianceMinScore()).isEqualTo(87.5);
		assertThat(kpis.threatLevelStatus()).isEqualTo(SecurityKpis.ThreatLevelStatus.ELEVATED);
		assertThat(kpis.escalationRatePercent()).isNull();
	}

	@Test
	void generateScorecardWhenWorkedExampleThenDocumentedScores() {
		SecurityScorecard scorecard = this.collector.generateScorecard(this.collector.calculateKpis(workedExample()));
		assertThat(scorecard.dimension(Dimension.DETECTION).subScores())
			.extracting(SecurityScorecard.SubScore::score)
			.containsExactly(100.0, 80.0, 100.0, 100.0, 87.5, 72.0);
		assertThat(scorecard.dimension(Dimension.DETECTION).score()).isEqualTo(89.92);
		assertThat(scorecard.dimension(Dimension.RESPONSE).subScores())
			.extracting(SecurityScorecard.SubScore::score)
			.containsExactly(90.0, 100.0);
		assertThat(scorecard.dimension(Dimension.RESPONSE).score()).isEqualTo(95.0);
		assertThat(scorecard.dimension(Dimension.PREVENTION).subScores())
			.extracting(SecurityScorecard.SubScore::score)
			.containsExactly(98.67, 40.0);
		assertThat(scorecard.dimension(Dimension.PREVENTION).score()).isEqualTo(69.33);
		assertThat(scorecard.dimension(Dimension.COMPLIANCE).subScores())
			.extracting(SecurityScorecard.SubScore::score)
			.containsExactly(90.0, 100.0);
		assertThat(scorecard.dimension(Dimension.COMPLIANCE).score()).isEqualTo(95.0);
		assertThat(scorecard.dimension(Dimension.READINESS).subScores())
			.extracting(SecurityScorecard.SubScore::score)
			.containsExactly(80.0, 66.67);
		assertThat(scorecard.dimension(Dimension.READINESS).score()).isEqualTo(73.33);
		assertThat(scorecard.overallScore()).isEqualTo(85.35);
		assertThat(scorecard.overallStatus()).isEqualTo(Status.MEETS_TARGET);
		assertThat(scorecard.dimension(Dimension.PREVENTION).status()).isEqualTo(Status.BELOW_TARGET);
		assertThat(scorecard.dimension(Dimension.DETECTION).explanation()).isEqualTo(
				"Mean of 6 sub-scores (precision 95.07 % -> 100, true-positive rate 90 % -> 80, false-positive rate "
						+ "0.82 % -> 100, detection accuracy 97.8 % -> 100, MTTD 90 s -> 87.5, detection coverage 88 % "
						+ "-> 72) = 89.92.");
		assertThat(scorecard.strengths()).containsExactly("Overall: score 85.35 meets the target (>= 85)",
				"Detection: precision 95.07 % meets the target (>= 95 %)",
				"Detection: false-positive rate 0.82 % meets the target (<= 5 %)",
				"Detection: detection accuracy 97.8 % meets the target (>= 90 %)",
				"Response: time to remediate 600 s meets the target (<= 600 s)",
				"Compliance: compliance SOC2 95 meets the target (>= 90)");
		assertThat(scorecard.weaknesses()).hasSize(9)
			.contains("Prevention: vulnerabilities 1 critical, 7 high misses the target (0 critical and <= 5 high), "
					+ "sub-score 40");
		assertThat(scorecard.recommendations()).hasSize(9)
			.startsWith("Detection: add or retrain detectors for the threats that are missed (recall below 95 %)");
	}

	@Test
	void generateScorecardWhenOnlyTheDesignExampleInputsThenMissingDimensionsSayInsufficientData() {
		KpiInputs inputs = KpiInputs.builder()
			.threatsDetected(150)
			.attacksBlocked(142)
			.truePositives(135)
			.falsePositives(7)
			.build();
		SecurityScorecard scorecard = this.collector.generateScorecard(this.collector.calculateKpis(inputs));
		assertThat(scorecard.dimension(Dimension.DETECTION).score()).isEqualTo(100.0);
		assertThat(scorecard.dimension(Dimension.PREVENTION).score()).isEqualTo(98.67);
		for (Dimension dimension : new Dimension[] { Dimension.RESPONSE, Dimension.COMPLIANCE, Dimension.READINESS }) {
			assertThat(scorecard.dimension(dimension).score()).isNull();
			assertThat(scorecard.dimension(dimension).hasScore()).isFalse();
			assertThat(scorecard.dimension(dimension).status()).isEqualTo(Status.INSUFFICIENT_DATA);
			assertThat(scorecard.dimension(dimension).explanation()).startsWith("Insufficient data");
		}
		// (0.25 * 100 + 0.20 * 98.6667) / (0.25 + 0.20)
		assertThat(scorecard.overallScore()).isEqualTo(99.41);
		assertThat(scorecard.recommendations())
			.contains("Response: insufficient data for MTTR: record incidents with their time to respond");
	}

	@Test
	void buildWhenInputImpossibleThenThrowsNamingTheInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> KpiInputs.builder().falsePositives(-1).build())
			.withMessage("falsePositives must be a finite number >= 0 but was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> KpiInputs.builder().mttdSeconds(Double.NaN).build())
			.withMessage("mttdSeconds must be a finite number >= 0 but was NaN");
		assertThatIllegalArgumentException().isThrownBy(() -> KpiInputs.builder().threatLevel(6).build())
			.withMessage("threatLevel must be between 0 and 5 but was 6");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KpiInputs.builder().complianceScore("GDPR", 101).build())
			.withMessage("complianceScores[GDPR] must be between 0 and 100 but was 101.0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KpiInputs.builder().attacksBlocked(5).attacksAttempted(4).build())
			.withMessage("attacksBlocked (5) must not exceed attacksAttempted (4)");
		assertThatIllegalArgumentException().isThrownBy(() -> KpiInputs.builder().complianceScore(null, 1))
			.withMessage("compliance standard must not be null or empty");
	}

	@Test
	void calculateKpisWhenDenominatorsZeroThenInsufficientDataNotZero() {
		SecurityKpis kpis = this.collector.calculateKpis(KpiInputs.builder()
			.truePositives(0)
			.falsePositives(0)
			.trueNegatives(0)
			.falseNegatives(0)
			.threatsDetected(0)
			.attacksBlocked(0)
			.incidents(0)
			.escalations(0)
			.build());
		assertThat(kpis.precisionPercent()).isNull();
		assertThat(kpis.truePositiveRatePercent()).isNull();
		assertThat(kpis.falsePositiveRatePercent()).isNull();
		assertThat(kpis.detectionAccuracyPercent()).isNull();
		assertThat(kpis.attackBlockRatePercent()).isNull();
		assertThat(kpis.escalationRatePercent()).isNull();
	}

	@Test
	void calculateKpisWhenRatesGivenWithoutCountsThenRatesUsed() {
		SecurityKpis kpis = this.collector.calculateKpis(
				KpiInputs.builder().truePositiveRatePercent(97).falsePositiveRatePercent(2).build());
		assertThat(kpis.truePositiveRatePercent()).isEqualTo(97);
		assertThat(kpis.falsePositiveRatePercent()).isEqualTo(2);
	}

	@Test
	void calculateKpisWhenBlockedExceedsThreatsDetectedThenBlockRateCappedAt100() {
		SecurityKpis kpis = this.collector
			.calculateKpis(KpiInputs.builder().threatsDetected(10).attacksBlocked(12).build());
		assertThat(kpis.attackBlockRatePercent()).isEqualTo(100);
	}

	@Test
	void generateScorecardWhenThreatLevelBandsThenDocumentedSubScores() {
		double[] expected = { 100, 100, 100, 66.67, 33.33, 0 };
		for (int level = 0; level <= 5; level++) {
			SecurityScorecard scorecard = this.collector
				.generateScorecard(this.collector.calculateKpis(KpiInputs.builder().threatLevel(level).build()));
			assertThat(scorecard.dimension(Dimension.READINESS).score()).as("level %d", level)
				.isEqualTo(expected[level]);
		}
	}

}
