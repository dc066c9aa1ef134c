package dev.aisd.observability.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public call of the seed's collector, written as the seed's callers write it
 * (positional, camelCase, each default left out where the seed allows it): if this
 * class compiles, code ported from the seed compiles.
 */
class SeedCallsCompileTests {

	@Test
	void seedCallsWhenWrittenVerbatimThenCompileAndRecord() {
		SecurityMetricsCollector collector = new SecurityMetricsCollector(new SimpleMeterRegistry());
		collector.recordAttackBlocked("sql_injection", "high");
		collector.recordAttackBlocked("sql_injection", "high", 0.95);
		collector.recordThreatDetected("bot", "escalation_engine");
		collector.recordThreatDetected("bot", "escalation_engine", 0.87);
		collector.recordAuthFailure("jwt", "invalid_token");
		collector.recordAuthzDenial("/admin", "read");
		collector.recordRateLimitViolation("/api/query", "ip_based");
		collector.recordCaptchaResult("recaptcha", true);
		collector.recordCaptchaResult("hcaptcha", false, "timeout");
		collector.recordHoneypotHit("fake_admin");
		collector.recordHoneypotHit("fake_admin", "malicious");
		collector.recordAuditEvent("access_control", "info");
		collector.recordComplianceViolation("GDPR", "medium");
		collector.recordSuspiciousPattern("rapid_requests");
		collector.recordIpBlock("malicious_activity");
		collector.recordIpBlock("malicious_activity", "24h");
		collector.recordWafRuleTrigger("SQL_001", "high");
		collector.recordIntrusionAttempt("path_traversal", "high");
		collector.recordExfiltrationAttempt("unusual_data_transfer");
		collector.recordAnomaly("sequence", "high");
		collector.recordAnomaly("sequence", "high", 0.88);
		collector.recordDetectionResult("bot_detection", true);
		collector.recordIncidentEscalation("critical", "level_3");
		collector.recordPolicyUpdate("waf_rules");
		collector.recordDetectionTime("pattern_match", 0.5);
		collector.recordResponseTime("block_ip", 2.3);
		collector.recordMitigationTime("rate_limit", 5.0);
		collector.recordRiskScore("ip_reputation", 0.75);
		collector.updateThreatLevel(3);
		collector.updateActiveThreats("bot", 15);
		collector.updateBlockedIps("malicious", 42);
		collector.updateActiveSessions("jwt", 125);
		collector.updateQuarantinedRequests(5);
		collector.updatePolicyVersion("waf_rules", 42);
		collector.updateComplianceScore("GDPR", 92.5);
		collector.updateVulnerabilityCount("critical", 2);
		collector.updateDetectionCoverage("sql_injection", 98.5);
		collector.updateResponseReadiness(87.5);
		collector.updateMeanTimes();
		collector.updateMeanTimes("test_incident");
		collector.updateDetectionRates("bot_detection", 95, 5);
		collector.updatePendingAlerts("critical", 3);
		SecurityKpis kpis = collector.calculateKpis();
		SecurityKpis explicit = collector.calculateKpis(KpiInputs.builder()
			.threatsDetected(150)
			.attacksBlocked(142)
			.truePositives(135)
			.falsePositives(7)
			.currentThreatLevel(2)
			.activeThreats(8)
			.blockedIps(47)
			.authFailures(12)
			.totalAuthAttempts(1000)
			.authzDenials(5)
			.totalAuthzChecks(500)
			.activeSessions(125)
			.pendingAlerts(4)
			.escalatedIncidents(2)
			.build());
		SecurityScorecard live = collector.generateScorecard();
		SecurityScorecard scorecard = collector.generateScorecard(kpis);
		SecurityMetricsCollector singleton = SecurityMetrics.getSecurityMetricsCollector();
		SecurityMetrics.reset();
		assertThat(kpis.threatsDetected()).isEqualTo(2);
		assertThat(explicit.authFailureRatePercent()).isEqualTo(1.2);
		assertThat(live.overallScore()).isEqualTo(scorecard.overallScore());
		assertThat(singleton).isNotNull();
	}

}
