package dev.aisd.observability.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java API example of the documentation, as a user types it.
 */
class DesignExampleTests {

	@AfterEach
	void tearDown() {
		SecurityMetrics.reset();
	}

	@Test
	void designExampleWhenTypedAsDocumentedThenCompilesAndScores() {
		SecurityMetrics.setSecurityMetricsCollector(new SecurityMetricsCollector(new SimpleMeterRegistry()));
		SecurityMetricsCollector collector = SecurityMetrics.getSecurityMetricsCollector();
		collector.recordAttackBlocked("sql_injection", "high", 0.95);
		collector.recordThreatDetected("bot", "escalation_engine", 0.87);
		collector.updateThreatLevel(3);
		collector.updateComplianceScore("GDPR", 87.5);
		SecurityKpis kpis = collector.calculateKpis(KpiInputs.builder()
			.threatsDetected(150)
			.attacksBlocked(142)
			.truePositives(135)
			.falsePositives(7)
			.build());
		SecurityScorecard scorecard = collector.generateScorecard(kpis);
		assertThat(scorecard.overallScore()).isEqualTo(99.41);
		assertThat(scorecard.strengths()).isNotEmpty();
		assertThat(scorecard.recommendations()).isNotEmpty();
		SecurityScorecard live = collector.generateScorecard(collector.currentKpis());
		assertThat(live.dimension(SecurityScorecard.Dimension.COMPLIANCE).score()).isEqualTo(90.0);
		assertThat(live.dimension(SecurityScorecard.Dimension.READINESS).score()).isEqualTo(66.67);
		assertThat(live.dimension(SecurityScorecard.Dimension.PREVENTION).score()).isEqualTo(100.0);
	}

}
