package dev.aisd.observability.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.security.SecurityScorecard.Dimension;
import dev.aisd.observability.test.Exposition;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The seed platform's own tests of its security metrics collector (47, in the order and
 * with the values of its {@code test_security_metrics.py}), ported to our API. Where the
 * seed only checked that a call does not raise, these also check what Prometheus sees,
 * by scraping a {@link PrometheusMeterRegistry}.
 */
class SeedCollectorParityTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final SecurityMetricsCollector collector = new SecurityMetricsCollector(this.registry);

	private Double scraped(String family, String... labels) {
		Map<String, String> tags = new java.util.HashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			tags.put(labels[i], labels[i + 1]);
		}
		return Exposition.parse(this.registry.scrape()).exactValue(family, tags);
	}

	@AfterEach
	void forgetTheSingleton() {
		SecurityMetrics.reset();
	}

	// ---------------------------------------------------------------- TestSecurityMetricsCollector

	@Test
	void recordAttackBlocked() {
		this.collector.recordAttackBlocked("sql_injection", "high", 0.95);
		this.collector.recordAttackBlocked("xss", "medium", 0.75);
		assertThat(scraped("security_attacks_blocked_total", "attack_type", "sql_injection", "severity", "high"))
			.isEqualTo(1);
		assertThat(scraped("security_attacks_blocked_total", "attack_type", "xss", "severity", "medium")).isEqualTo(1);
		assertThat(scraped("security_attack_score_distribution_sum", "attack_type", "sql_injection")).isEqualTo(0.95);
	}

	@Test
	void recordThreatDetected() {
		this.collector.recordThreatDetected("bot", "escalation_engine", 0.87);
		this.collector.recordThreatDetected("scraper", "behavioral", 0.65);
		assertThat(scraped("security_threats_detected_total", "threat_type", "bot", "source", "escalation_engine"))
			.isEqualTo(1);
		assertThat(scraped("security_threat_score_distribution_sum", "score_type", "scraper")).isEqualTo(0.65);
	}

	@Test
	void recordAuthFailure() {
		this.collector.recordAuthFailure("jwt", "invalid_token");
		this.collector.recordAuthFailure("basic", "wrong_password");
		assertThat(scraped("security_auth_failures_total", "auth_method", "jwt", "failure_reason", "invalid_token"))
			.isEqualTo(1);
		assertThat(scraped("security_auth_failures_total", "auth_method", "basic", "failure_reason", "wrong_password"))
			.isEqualTo(1);
	}

	@Test
	void recordAuthzDenial() {
		this.collector.recordAuthzDenial("/admin", "read");
		this.collector.recordAuthzDenial("/api/users", "delete");
		assertThat(scraped("security_authz_denials_total", "resource", "/admin", "action", "read")).isEqualTo(1);
		assertThat(scraped("security_authz_denials_total", "resource", "/api/users", "action", "delete")).isEqualTo(1);
	}

	@Test
	void recordRateLimitViolation() {
		this.collector.recordRateLimitViolation("/api/query", "ip_based");
		this.collector.recordRateLimitViolation("/webhook", "global");
		assertThat(scraped("security_rate_limit_violations_total", "endpoint", "/webhook", "limit_type", "global"))
			.isEqualTo(1);
	}

	@Test
	void recordCaptchaResult() {
		this.collector.recordCaptchaResult("recaptcha", true);
		this.collector.recordCaptchaResult("hcaptcha", false, "timeout");
		assertThat(scraped("security_captcha_successes_total", "captcha_type", "recaptcha")).isEqualTo(1);
		assertThat(scraped("security_captcha_failures_total", "captcha_type", "hcaptcha", "failure_reason", "timeout"))
			.isEqualTo(1);
	}

	@Test
	void recordCaptchaResultWhenFailureWithoutReasonThenUnknown() {
		this.collector.recordCaptchaResult("hcaptcha", false);
		assertThat(scraped("security_captcha_failures_total", "captcha_type", "hcaptcha", "failure_reason", "unknown"))
			.isEqualTo(1);
	}

	@Test
	void recordHoneypotHit() {
		this.collector.recordHoneypotHit("fake_admin", "malicious");
		this.collector.recordHoneypotHit("hidden_form", "unknown");
		this.collector.recordHoneypotHit("hidden_form");
		assertThat(scraped("security_honeypot_hits_total", "honeypot_type", "fake_admin", "ip_reputation", "malicious"))
			.isEqualTo(1);
		assertThat(scraped("security_honeypot_hits_total", "honeypot_type", "hidden_form", "ip_reputation", "unknown"))
			.isEqualTo(2);
	}

	@Test
	void recordAuditEvent() {
		this.collector.recordAuditEvent("access_control", "info");
		this.collector.recordAuditEvent("policy_change", "warning");
		assertThat(scraped("security_audit_events_total", "event_category", "policy_change", "severity", "warning"))
			.isEqualTo(1);
	}

	@Test
	void recordComplianceViolation() {
		this.collector.recordComplianceViolation("GDPR", "medium");
		this.collector.recordComplianceViolation("SOC2", "high");
		assertThat(scraped("security_compliance_violations_total", "policy_type", "SOC2", "severity", "high"))
			.isEqualTo(1);
	}

	@Test
	void recordSuspiciousPattern() {
		this.collector.recordSuspiciousPattern("rapid_requests");
		this.collector.recordSuspiciousPattern("unusual_user_agent");
		assertThat(scraped("security_suspicious_patterns_total", "pattern_type", "rapid_requests")).isEqualTo(1);
	}

	@Test
	void recordIpBlock() {
		this.collector.recordIpBlock("malicious_activity", "24h");
		this.collector.recordIpBlock("rate_limit_exceeded", "1h");
		this.collector.recordIpBlock("honeypot");
		assertThat(scraped("security_ip_blocks_total", "block_reason", "malicious_activity", "duration", "24h"))
			.isEqualTo(1);
		assertThat(scraped("security_ip_blocks_total", "block_reason", "honeypot", "duration", "permanent"))
			.isEqualTo(1);
	}

	@Test
	void recordWafRuleTrigger() {
		this.collector.recordWafRuleTrigger("SQL_001", "high");
		this.collector.recordWafRuleTrigger("XSS_042", "medium");
		assertThat(scraped("security_waf_rules_triggered_total", "rule_id", "XSS_042", "severity", "medium"))
			.isEqualTo(1);
	}

	@Test
	void recordIntrusionAttempt() {
		this.collector.recordIntrusionAttempt("path_traversal", "high");
		this.collector.recordIntrusionAttempt("command_injection", "critical");
		assertThat(scraped("security_intrusion_attempts_total", "attack_vector", "command_injection", "severity",
				"critical"))
			.isEqualTo(1);
	}

	@Test
	void recordExfiltrationAttempt() {
		this.collector.recordExfiltrationAttempt("unusual_data_transfer");
		this.collector.recordExfiltrationAttempt("suspicious_export");
		assertThat(scraped("security_data_exfiltration_attempts_total", "detection_method", "suspicious_export"))
			.isEqualTo(1);
	}

	@Test
	void recordAnomaly() {
		this.collector.recordAnomaly("sequence", "high", 0.88);
		this.collector.recordAnomaly("behavioral", "medium", 0.62);
		assertThat(scraped("security_anomalies_detected_total", "anomaly_type", "sequence", "confidence", "high"))
			.isEqualTo(1);
		// The seed observes the score with the anomaly type as the detector type.
		assertThat(scraped("security_anomaly_score_distribution_sum", "detector_type", "sequence")).isEqualTo(0.88);
		assertThat(scraped("security_anomaly_score_distribution_sum", "detector_type", "behavioral")).isEqualTo(0.62);
	}

	@Test
	void recordDetectionResult() {
		this.collector.recordDetectionResult("bot_detection", true);
		this.collector.recordDetectionResult("bot_detection", false);
		assertThat(scraped("security_true_positives_total", "detection_type", "bot_detection")).isEqualTo(1);
		assertThat(scraped("security_false_positives_total", "detection_type", "bot_detection")).isEqualTo(1);
	}

	@Test
	void recordIncidentEscalation() {
		this.collector.recordIncidentEscalation("critical", "level_3");
		this.collector.recordIncidentEscalation("high", "level_2");
		assertThat(scraped("security_incident_escalations_total", "severity", "critical", "escalation_level",
				"level_3"))
			.isEqualTo(1);
		assertThat(this.collector.currentKpis().escalatedIncidents()).isEqualTo(2);
	}

	@Test
	void recordPolicyUpdate() {
		this.collector.recordPolicyUpdate("waf_rules");
		this.collector.recordPolicyUpdate("rate_limits");
		assertThat(scraped("security_policy_updates_total", "policy_type", "waf_rules")).isEqualTo(1);
		assertThat(Exposition.parse(this.registry.scrape()).series()).doesNotContainKey("security_policy_version_info");
	}

	@Test
	void recordDetectionTime() {
		this.collector.recordDetectionTime("pattern_match", 0.5);
		this.collector.recordDetectionTime("ml_model", 1.2);
		assertThat(this.collector.recordedTimes()[0]).containsExactly(0.5, 1.2);
		assertThat(scraped("security_detection_latency_seconds_count", "detection_method", "ml_model")).isEqualTo(1);
	}

	@Test
	void recordResponseTime() {
		this.collector.recordResponseTime("block_ip", 2.3);
		this.collector.recordResponseTime("send_alert", 1.5);
		assertThat(this.collector.recordedTimes()[1]).containsExactly(2.3, 1.5);
		assertThat(scraped("security_response_time_seconds_sum", "event_type", "block_ip")).isEqualTo(2.3);
	}

	@Test
	void recordMitigationTime() {
		this.collector.recordMitigationTime("rate_limit", 5.0);
		this.collector.recordMitigationTime("captcha", 3.2);
		assertThat(this.collector.recordedTimes()[2]).containsExactly(5.0, 3.2);
		assertThat(scraped("security_mitigation_time_seconds_sum", "threat_type", "rate_limit")).isEqualTo(5.0);
	}

	@Test
	void recordRiskScore() {
		this.collector.recordRiskScore("ip_reputation", 0.75);
		this.collector.recordRiskScore("behavioral", 0.45);
		assertThat(scraped("security_risk_score_distribution_sum", "risk_category", "behavioral")).isEqualTo(0.45);
	}

	@Test
	void updateThreatLevel() {
		this.collector.updateThreatLevel(3);
		assertThat(scraped("security_threat_level_current")).isEqualTo(3);
		this.collector.updateThreatLevel(-1);
		assertThat(scraped("security_threat_level_current")).isZero();
		this.collector.updateThreatLevel(10);
		assertThat(scraped("security_threat_level_current")).isEqualTo(5);
	}

	@Test
	void updateActiveThreats() {
		this.collector.updateActiveThreats("bot", 15);
		this.collector.updateActiveThreats("scraper", 7);
		assertThat(scraped("security_active_threats_current", "threat_type", "bot")).isEqualTo(15);
		assertThat(this.collector.currentKpis().activeThreats()).isEqualTo(22);
	}

	@Test
	void updateBlockedIps() {
		this.collector.updateBlockedIps("malicious", 42);
		this.collector.updateBlockedIps("rate_limit", 18);
		assertThat(scraped("security_blocked_ips_current", "block_reason", "malicious")).isEqualTo(42);
		assertThat(this.collector.currentKpis().blockedIps()).isEqualTo(60);
	}

	@Test
	void updateActiveSessions() {
		this.collector.updateActiveSessions("jwt", 125);
		this.collector.updateActiveSessions("oauth", 87);
		assertThat(scraped("security_active_sessions_current", "auth_method", "oauth")).isEqualTo(87);
		assertThat(this.collector.currentKpis().activeSessions()).isEqualTo(212);
	}

	@Test
	void updateQuarantinedRequests() {
		this.collector.updateQuarantinedRequests(5);
		assertThat(scraped("security_quarantined_requests_current")).isEqualTo(5);
	}

	@Test
	void updatePolicyVersion() {
		this.collector.updatePolicyVersion("waf_rules", 42);
		this.collector.updatePolicyVersion("rate_limits", 17);
		assertThat(Exposition.parse(this.registry.scrape()).series().get("security_policy_version_info"))
			.containsOnly(Map.entry(Map.of("policy_type", "waf_rules", "version", "42"), 1.0),
					Map.entry(Map.of("policy_type", "rate_limits", "version", "17"), 1.0));
	}

	@Test
	void updateComplianceScore() {
		this.collector.updateComplianceScore("GDPR", 92.5);
		this.collector.updateComplianceScore("SOC2", 87.3);
		this.collector.updateComplianceScore("PCI-DSS", 150.0);
		this.collector.updateComplianceScore("HIPAA", -10.0);
		assertThat(scraped("security_compliance_score_current", "compliance_standard", "GDPR")).isEqualTo(92.5);
		assertThat(scraped("security_compliance_score_current", "compliance_standard", "PCI-DSS")).isEqualTo(100);
		assertThat(scraped("security_compliance_score_current", "compliance_standard", "HIPAA")).isZero();
	}

	@Test
	void updateVulnerabilityCount() {
		this.collector.updateVulnerabilityCount("critical", 2);
		this.collector.updateVulnerabilityCount("high", 5);
		this.collector.updateVulnerabilityCount("medium", 12);
		assertThat(scraped("security_vulnerability_count_current", "severity", "medium")).isEqualTo(12);
		assertThat(this.collector.currentKpis().vulnerabilityCount()).isEqualTo(19);
	}

	@Test
	void updateDetectionCoverage() {
		this.collector.updateDetectionCoverage("sql_injection", 98.5);
		this.collector.updateDetectionCoverage("xss", 95.0);
		assertThat(scraped("security_detection_coverage_percent", "coverage_category", "xss")).isEqualTo(95);
	}

	@Test
	void updateResponseReadiness() {
		this.collector.updateResponseReadiness(87.5);
		assertThat(scraped("security_response_readiness_score")).isEqualTo(87.5);
	}

	@Test
	void updateMeanTimes() {
		this.collector.recordDetectionTime("test", 1.0);
		this.collector.recordDetectionTime("test", 2.0);
		this.collector.recordResponseTime("test", 3.0);
		this.collector.recordResponseTime("test", 5.0);
		this.collector.recordMitigationTime("test", 4.0);
		this.collector.recordMitigationTime("test", 6.0);
		this.collector.updateMeanTimes("test_incident");
		assertThat(scraped("security_mean_time_to_detect_seconds", "incident_type", "test_incident")).isEqualTo(1.5);
		assertThat(scraped("security_mean_time_to_respond_seconds", "incident_type", "test_incident")).isEqualTo(4.0);
		assertThat(scraped("security_mean_time_to_remediate_seconds", "incident_type", "test_incident"))
			.isEqualTo(5.0);
	}

	@Test
	void updateMeanTimesWhenNoIncidentTypeThenAll() {
		this.collector.recordDetectionTime("test", 30.0);
		this.collector.updateMeanTimes();
		assertThat(scraped("security_mean_time_to_detect_seconds", "incident_type", "all")).isEqualTo(30.0);
		// A time never recorded leaves its gauge without a value rather than an invented 0.
		assertThat(scraped("security_mean_time_to_respond_seconds", "incident_type", "all")).isNaN();
	}

	@Test
	void updateDetectionRates() {
		this.collector.updateDetectionRates("bot_detection", 95, 5);
		assertThat(scraped("security_true_positive_rate_percent", "detection_type", "bot_detection")).isEqualTo(95);
		assertThat(scraped("security_false_positive_rate_percent", "detection_type", "bot_detection")).isEqualTo(5);
	}

	@Test
	void updateDetectionRatesWhenCountsAreZeroThenNothingSet() {
		this.collector.updateDetectionRates("bot_detection", 0, 0);
		assertThat(Exposition.parse(this.registry.scrape()).series())
			.doesNotContainKey("security_true_positive_rate_percent");
	}

	@Test
	void updatePendingAlerts() {
		this.collector.updatePendingAlerts("critical", 3);
		this.collector.updatePendingAlerts("high", 12);
		this.collector.updatePendingAlerts("medium", 25);
		assertThat(scraped("security_alerts_pending_current", "severity", "high")).isEqualTo(12);
		assertThat(this.collector.currentKpis().pendingAlerts()).isEqualTo(40);
	}

	@Test
	void calculateKpisBasic() {
		SecurityKpis kpis = this.collector.calculateKpis(
				KpiInputs.builder().threatsDetected(100).attacksBlocked(95).truePositives(90).falsePositives(5).build());
		assertThat(kpis.threatsDetected()).isEqualTo(100);
		assertThat(kpis.attacksBlocked()).isEqualTo(95);
		// The seed's "true positive rate" and "accuracy" here are TP / (TP + FP): a precision.
		assertThat(kpis.precisionPercent()).isCloseTo(94.74, within(0.01));
		// The seed's "false positive rate" FP / (TP + FP) is 100 - precision (the false
		// discovery rate); ours needs true negatives and is insufficient data without them.
		assertThat(100 - kpis.precisionPercent()).isCloseTo(5.26, within(0.01));
		assertThat(kpis.falsePositiveRatePercent()).isNull();
		assertThat(kpis.detectionAccuracyPercent()).isNull();
	}

	@Test
	void calculateKpisWithTimes() {
		this.collector.recordDetectionTime("test", 30.0);
		this.collector.recordDetectionTime("test", 60.0);
		this.collector.recordResponseTime("test", 120.0);
		this.collector.recordResponseTime("test", 180.0);
		this.collector.recordMitigationTime("test", 300.0);
		this.collector.recordMitigationTime("test", 600.0);
		SecurityKpis kpis = this.collector.calculateKpis();
		assertThat(kpis.mttdSeconds()).isCloseTo(45.0, within(1e-9));
		assertThat(kpis.mttrSeconds()).isCloseTo(150.0, within(1e-9));
		assertThat(kpis.timeToRemediateSeconds()).isCloseTo(450.0, within(1e-9));
		assertThat(this.collector.currentKpis()).usingRecursiveComparison().ignoringFields("calculatedAt").isEqualTo(kpis);
	}

	@Test
	void calculateKpisFull() {
		SecurityKpis kpis = this.collector.calculateKpis(KpiInputs.builder()
			.threatsDetected(150)
			.attacksBlocked(142)
			.truePositives(135)
			.falsePositives(7)
			.currentThreatLevel(2)
			.activeThreats(8)
			.blockedIps(47)
			.complianceScore("overall", 92.5)
			.highVulnerabilities(3)
			.authFailures(12)
			.totalAuthAttempts(1000)
			.authzDenials(5)
			.totalAuthzChecks(500)
			.activeSessions(125)
			.pendingAlerts(4)
			.escalatedIncidents(2)
			.build());
		assertThat(kpis.threatsDetected()).isEqualTo(150);
		assertThat(kpis.attacksBlocked()).isEqualTo(142);
		assertThat(kpis.threatLevel()).isEqualTo(2);
		assertThat(kpis.activeThreats()).isEqualTo(8);
		assertThat(kpis.blockedIps()).isEqualTo(47);
		assertThat(kpis.complianceMeanScore()).isEqualTo(92.5);
		assertThat(kpis.vulnerabilityCount()).isEqualTo(3);
		assertThat(kpis.authFailureRatePercent()).isCloseTo(1.2, within(1e-9));
		assertThat(kpis.authzDenialRatePercent()).isCloseTo(1.0, within(1e-9));
		assertThat(kpis.activeSessions()).isEqualTo(125);
		assertThat(kpis.pendingAlerts()).isEqualTo(4);
		assertThat(kpis.escalatedIncidents()).isEqualTo(2);
		assertThat(kpis.calculatedAt()).isInstanceOf(Instant.class);
	}

	@Test
	void generateScorecardBasic() {
		SecurityScorecard scorecard = this.collector.generateScorecard();
		// The seed scores an empty collector (a 0 compliance score and all); ours says
		// insufficient data instead of inventing scores.
		assertThat(scorecard.overallScore()).isNull();
		assertThat(scorecard.dimensions()).hasSize(5)
			.allSatisfy((dimension) -> assertThat(dimension.score()).isNull());
		assertThat(scorecard.strengths()).isEmpty();
		assertThat(scorecard.weaknesses()).isEmpty();
		assertThat(scorecard.recommendations()).isNotEmpty();
	}

	@Test
	void generateScorecardBasicWhenEventsRecordedThenScoresWithinRange() {
		this.collector.recordThreatDetected("bot", "ua");
		this.collector.recordAttackBlocked("bot", "high");
		this.collector.recordDetectionResult("bot", true);
		this.collector.updateComplianceScore("GDPR", 92.5);
		this.collector.updateThreatLevel(1);
		SecurityScorecard scorecard = this.collector.generateScorecard();
		assertThat(scorecard.overallScore()).isBetween(0.0, 100.0);
		for (Dimension dimension : List.of(Dimension.DETECTION, Dimension.PREVENTION, Dimension.COMPLIANCE,
				Dimension.READINESS)) {
			assertThat(scorecard.dimension(dimension).score()).as("%s", dimension).isBetween(0.0, 100.0);
		}
	}

	@Test
	void generateScorecardWithGoodKpis() {
		SecurityKpis kpis = this.collector.calculateKpis(KpiInputs.builder()
			.threatsDetected(100)
			.attacksBlocked(98)
			.falsePositiveRatePercent(2.0)
			.truePositiveRatePercent(98.0)
			.mttdSeconds(30.0)
			.mttrSeconds(120.0)
			.timeToRemediateSeconds(300.0)
			.threatLevel(1)
			.complianceScore("overall", 95.0)
			.criticalVulnerabilities(0)
			.highVulnerabilities(0)
			.pendingAlerts(2)
			.build());
		SecurityScorecard scorecard = this.collector.generateScorecard(kpis);
		assertThat(scorecard.overallScore()).isGreaterThan(80.0);
		assertThat(scorecard.dimension(Dimension.DETECTION).score()).isGreaterThan(80.0);
		assertThat(scorecard.dimension(Dimension.PREVENTION).score()).isGreaterThan(80.0);
		assertThat(scorecard.strengths()).isNotEmpty();
	}

	@Test
	void generateScorecardWithPoorKpis() {
		SecurityKpis kpis = this.collector.calculateKpis(KpiInputs.builder()
			.threatsDetected(100)
			.attacksBlocked(50)
			.falsePositiveRatePercent(30.0)
			.truePositiveRatePercent(70.0)
			.mttdSeconds(300.0)
			.mttrSeconds(1200.0)
			.timeToRemediateSeconds(3600.0)
			.threatLevel(4)
			.complianceScore("overall", 65.0)
			.criticalVulnerabilities(5)
			.highVulnerabilities(10)
			.pendingAlerts(50)
			.build());
		SecurityScorecard scorecard = this.collector.generateScorecard(kpis);
		assertThat(scorecard.overallScore()).isLessThan(80.0);
		assertThat(scorecard.weaknesses()).isNotEmpty();
		assertThat(scorecard.recommendations()).isNotEmpty();
		assertThat(scorecard.weaknesses()).anyMatch((weakness) -> weakness.startsWith("Readiness: pending alerts 50"));
	}

	@Test
	void timeHistoryLimit() {
		for (int i = 0; i < 1500; i++) {
			this.collector.recordDetectionTime("test", i);
		}
		double[] kept = this.collector.recordedTimes()[0];
		assertThat(kept).hasSize(1000);
		assertThat(kept[kept.length - 1]).isEqualTo(1499.0);
		assertThat(kept[0]).isEqualTo(500.0);
	}

	@Test
	void getSecurityMetricsCollectorSingleton() {
		SecurityMetrics.reset();
		SecurityMetricsCollector first = SecurityMetrics.getSecurityMetricsCollector();
		SecurityMetricsCollector second = SecurityMetrics.getSecurityMetricsCollector();
		assertThat(first).isSameAs(second);
	}

	// ---------------------------------------------------------------- TestSecurityKPIs

	@Nested
	class SecurityKpisRecord {

		@Test
		void kpisCreation() {
			SecurityKpis kpis = SeedCollectorParityTests.this.collector.calculateKpis(KpiInputs.builder()
				.threatsDetected(100)
				.attacksBlocked(95)
				.falsePositiveRatePercent(5.0)
				.truePositiveRatePercent(95.0)
				.build());
			assertThat(kpis.threatsDetected()).isEqualTo(100);
			assertThat(kpis.attacksBlocked()).isEqualTo(95);
			assertThat(kpis.falsePositiveRatePercent()).isEqualTo(5.0);
			assertThat(kpis.truePositiveRatePercent()).isEqualTo(95.0);
		}

		@Test
		void kpisDefaults() {
			SecurityKpis kpis = SeedCollectorParityTests.this.collector.calculateKpis(KpiInputs.builder().build());
			// The seed's defaults are zeros; ours are "insufficient data".
			assertThat(kpis.threatsDetected()).isNull();
			assertThat(kpis.attacksBlocked()).isNull();
			assertThat(kpis.falsePositiveRatePercent()).isNull();
			assertThat(kpis.authFailureRatePercent()).isNull();
			assertThat(kpis.calculatedAt()).isInstanceOf(Instant.class);
		}

	}

	// ---------------------------------------------------------------- TestSecurityScorecard

	@Nested
	class SecurityScorecardRecord {

		@Test
		void scorecardCreation() {
			SecurityScorecard scorecard = new SecurityScorecard(87.5, SecurityScorecard.Status.MEETS_TARGET, List.of(),
					List.of("High detection accuracy", "Fast response"), List.of("Alert backlog"),
					List.of("Clear pending alerts"));
			assertThat(scorecard.overallScore()).isEqualTo(87.5);
			assertThat(scorecard.strengths()).hasSize(2);
			assertThat(scorecard.weaknesses()).hasSize(1);
			assertThat(scorecard.recommendations()).hasSize(1);
		}

		@Test
		void scorecardDefaults() {
			SecurityScorecard scorecard = SeedCollectorParityTests.this.collector
				.generateScorecard(SeedCollectorParityTests.this.collector.calculateKpis(KpiInputs.builder().build()));
			assertThat(scorecard.overallScore()).isNull();
			assertThat(scorecard.hasOverallScore()).isFalse();
			assertThat(scorecard.strengths()).isEmpty();
			assertThat(scorecard.weaknesses()).isEmpty();
		}

	}

}
