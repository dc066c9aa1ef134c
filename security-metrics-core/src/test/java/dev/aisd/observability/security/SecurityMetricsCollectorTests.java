package dev.aisd.observability.security;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.labels.LabelValueLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

class SecurityMetricsCollectorTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SecurityMetricsCollector collector = new SecurityMetricsCollector(this.registry);

	private final List<Meter> added = new ArrayList<>();

	@AfterEach
	void tearDown() {
		SecurityMetrics.reset();
	}

	private double counter(String name, String... tags) {
		return this.registry.get(name).tags(tags).counter().count();
	}

	private double gauge(String name, String... tags) {
		return this.registry.get(name).tags(tags).gauge().value();
	}

	private double rejected(String reason) {
		return counter("security.metrics.rejected.inputs", "reason", reason);
	}

	@Test
	void recordAttackBlockedWhenScoreGivenThenCountsAndRecordsScore() {
		this.collector.recordAttackBlocked("sql_injection", "high", 0.95);
		this.collector.recordAttackBlocked("sql_injection", "high", null);
		assertThat(counter("security.attacks.blocked", "attack_type", "sql_injection", "severity", "high"))
			.isEqualTo(2);
		DistributionSummary scores = this.registry.get("security.attack.score.distribution")
			.tag("attack_type", "sql_injection")
			.summary();
		assertThat(scores.count()).isEqualTo(1);
		assertThat(scores.totalAmount()).isEqualTo(0.95);
	}

	@Test
	void recordThreatDetectedWhenScoreGivenThenScoreTypeIsThreatType() {
		this.collector.recordThreatDetected("bot", "escalation_engine", 0.87);
		assertThat(counter("security.threats.detected", "threat_type", "bot", "source", "escalation_engine"))
			.isEqualTo(1);
		assertThat(this.registry.get("security.threat.score.distribution").tag("score_type", "bot").summary().count())
			.isEqualTo(1);
	}

	@Test
	void recordEventsWhenCalledThenEachFamilyCounts() {
		this.collector.recordAuthFailure("password", "bad_credentials");
		this.collector.recordAuthzDenial("/admin", "GET");
		this.collector.recordRateLimitViolation("/api/items", "per_client");
		this.collector.recordCaptchaResult("recaptcha", true, "ignored");
		this.collector.recordCaptchaResult("recaptcha", false, null);
		this.collector.recordHoneypotHit("wp_admin", "bad");
		this.collector.recordAuditEvent("login", "info");
		this.collector.recordComplianceViolation("retention", "medium");
		this.collector.recordSuspiciousPattern("path_traversal");
		this.collector.recordIpBlock("honeypot", "1h");
		this.collector.recordWafRuleTrigger("942100", "critical");
		this.collector.recordIntrusionAttempt("ssh", "high");
		this.collector.recordExfiltrationAttempt("dlp");
		this.collector.recordAnomaly("spike", "high", "iforest", 0.5);
		this.collector.recordDetectionResult("bot", true);
		this.collector.recordDetectionResult("bot", false);
		this.collector.recordIncidentEscalation("high", "tier2");
		this.collector.recordPolicyUpdate("waf", "3");
		assertThat(counter("security.auth.failures", "auth_method", "password", "failure_reason", "bad_credentials"))
			.isEqualTo(1);
		assertThat(counter("security.authz.denials", "resource", "/admin", "action", "GET")).isEqualTo(1);
		assertThat(counter("security.rate.limit.violations", "endpoint", "/api/items", "limit_type", "per_client"))
			.isEqualTo(1);
		assertThat(counter("security.captcha.successes", "captcha_type", "recaptcha")).isEqualTo(1);
		assertThat(counter("security.captcha.failures", "captcha_type", "recaptcha", "failure_reason", "unknown"))
			.isEqualTo(1);
		assertThat(counter("security.honeypot.hits", "honeypot_type", "wp_admin", "ip_reputation", "bad")).isEqualTo(1);
		assertThat(counter("security.audit.events", "event_category", "login", "severity", "info")).isEqualTo(1);
		assertThat(counter("security.compliance.violations", "policy_type", "retention", "severity", "medium"))
			.isEqualTo(1);
		assertThat(counter("security.suspicious.patterns", "pattern_type", "path_traversal")).isEqualTo(1);
		assertThat(counter("security.ip.blocks", "block_reason", "honeypot", "duration", "1h")).isEqualTo(1);
		assertThat(counter("security.waf.rules.triggered", "rule_id", "942100", "severity", "critical")).isEqualTo(1);
		assertThat(counter("security.intrusion.attempts", "attack_vector", "ssh", "severity", "high")).isEqualTo(1);
		assertThat(counter("security.data.exfiltration.attempts", "detection_method", "dlp")).isEqualTo(1);
		assertThat(counter("security.anomalies.detected", "anomaly_type", "spike", "confidence", "high")).isEqualTo(1);
		assertThat(this.registry.get("security.anomaly.score.distribution")
			.tag("detector_type", "iforest")
			.summary()
			.count()).isEqualTo(1);
		assertThat(counter("security.true.positives", "detection_type", "bot")).isEqualTo(1);
		assertThat(counter("security.false.positives", "detection_type", "bot")).isEqualTo(1);
		assertThat(counter("security.incident.escalations", "severity", "high", "escalation_level", "tier2"))
			.isEqualTo(1);
		assertThat(counter("security.policy.updates", "policy_type", "waf")).isEqualTo(1);
		assertThat(gauge("security.policy.version.info", "policy_type", "waf", "version", "3")).isEqualTo(1);
		assertThat(this.registry.find("security.metrics.rejected.inputs").counters())
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void recordTimesWhenSecondsOrDurationThenTimersRecordSeconds() {
		this.collector.recordDetectionTime("signature", 0.25);
		this.collector.recordResponseTime("attack_blocked", Duration.ofMillis(1500));
		this.collector.recordMitigationTime("bot", 42);
		DistributionSummary detection = this.registry.get("security.detection.latency")
			.tag("detection_method", "signature")
			.summary();
		assertThat(detection.totalAmount()).isEqualTo(0.25);
		assertThat(detection.getId().getBaseUnit()).isEqualTo("seconds");
		assertThat(this.registry.get("security.response.time").tag("event_type", "attack_blocked").summary()
			.totalAmount()).isEqualTo(1.5);
		assertThat(this.registry.get("security.mitigation.time").tag("threat_type", "bot").summary()
			.totalAmount()).isEqualTo(42);
	}

	@Test
	void recordRiskScoreWhenValidThenRecorded() {
		this.collector.recordRiskScore("account_takeover", 0.4);
		assertThat(this.registry.get("security.risk.score.distribution")
			.tag("risk_category", "account_takeover")
			.summary()
			.totalAmount()).isEqualTo(0.4);
	}

	@Test
	void recordWhenSameLabelsRepeatedThenSameMeterAndNoNewRegistration() {
		this.registry.config().onMeterAdded(this.added::add);
		this.collector.recordWafRuleTrigger("942100", "critical");
		int afterFirst = this.added.size();
		for (int i = 0; i < 100; i++) {
			this.collector.recordWafRuleTrigger("942100", "critical");
		}
		assertThat(this.added).hasSize(afterFirst);
		assertThat(this.registry.find("security.waf.rules.triggered").counters()).hasSize(1);
		assertThat(counter("security.waf.rules.triggered", "rule_id", "942100", "severity", "critical"))
			.isEqualTo(101);
	}

	@Test
	void recordWhenSameLabelsRepeatedThenAllocatesNothing() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		for (int i = 0; i < 20_000; i++) {
			recordHotPath();
		}
		long before = threads.getThreadAllocatedBytes(thread);
		for (int i = 0; i < 10_000; i++) {
			recordHotPath();
		}
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		// 10 000 iterations of four calls: anything but a few stray bytes would be a
		// per-call allocation.
		assertThat(allocated).isLessThan(4_096);
	}

	private static final Double SCORE = 0.9;

	private void recordHotPath() {
		this.collector.recordAttackBlocked("sql_injection", "high", SCORE);
		this.collector.recordWafRuleTrigger("942100", "critical");
		this.collector.recordDetectionTime("signature", 0.01);
		this.collector.updateActiveThreats("bot", 3);
	}

	@Test
	void recordWhenLabelValuesExceedBoundThenFoldIntoOtherAndCountFolds() {
		SecurityMetricsCollector bounded = new SecurityMetricsCollector(this.registry,
				SecurityMetricsOptions.defaults().withMaxLabelValues(3));
		for (int i = 0; i < 10; i++) {
			bounded.recordSuspiciousPattern("pattern-" + i);
		}
		assertThat(this.registry.find("security.suspicious.patterns").counters()).hasSize(4);
		assertThat(counter("security.suspicious.patterns", "pattern_type", LabelValueLimiter.OTHER)).isEqualTo(7);
		assertThat(counter(LabelValueLimiter.FOLDED_METER_NAME, "metric", "security_suspicious_patterns_total",
				"label", "pattern_type"))
			.isEqualTo(7);
	}

	@Test
	void recordWhenHostileLabelValuesThenKeptVerbatimOrFoldedWhenTooLong() {
		String hostile = "a\"b\\c\nd{e}=\u00e9";
		this.collector.recordWafRuleTrigger(hostile, "x".repeat(1000));
		assertThat(counter("security.waf.rules.triggered", "rule_id", hostile, "severity", LabelValueLimiter.OTHER))
			.isEqualTo(1);
	}

	@Test
	void recordWhenLabelNullOrEmptyThenRecordedAsUnknownAndCounted() {
		this.collector.recordAttackBlocked(null, "", null);
		assertThat(counter("security.attacks.blocked", "attack_type", "unknown", "severity", "unknown")).isEqualTo(1);
		assertThat(rejected("missing_label")).isEqualTo(2);
	}

	@Test
	void recordWhenScoreInvalidThenEventKeptScoreDroppedAndCounted() {
		this.collector.recordAttackBlocked("xss", "low", Double.NaN);
		this.collector.recordAttackBlocked("xss", "low", 1.5);
		this.collector.recordAttackBlocked("xss", "low", -0.1);
		this.collector.recordThreatDetected("bot", "ua", Double.POSITIVE_INFINITY);
		this.collector.recordRiskScore("r", Double.NaN);
		this.collector.recordAnomaly("a", "low", "d", 95.0);
		assertThat(counter("security.attacks.blocked", "attack_type", "xss", "severity", "low")).isEqualTo(3);
		assertThat(counter("security.threats.detected", "threat_type", "bot", "source", "ua")).isEqualTo(1);
		assertThat(counter("security.anomalies.detected", "anomaly_type", "a", "confidence", "low")).isEqualTo(1);
		assertThat(this.registry.find("security.attack.score.distribution").summaries()).isEmpty();
		assertThat(this.registry.find("security.risk.score.distribution").summaries()).isEmpty();
		assertThat(rejected("invalid_score")).isEqualTo(6);
	}

	@Test
	void recordTimeWhenNegativeNanOrInfiniteThenDroppedAndCounted() {
		this.collector.recordDetectionTime("m", -1);
		this.collector.recordResponseTime("e", Double.NaN);
		this.collector.recordMitigationTime("t", Double.POSITIVE_INFINITY);
		this.collector.recordResponseTime("e", (Duration) null);
		this.collector.recordMitigationTime("t", Duration.ofSeconds(-3));
		assertThat(this.registry.find("security.detection.latency").summaries()).isEmpty();
		assertThat(this.registry.find("security.response.time").summaries()).isEmpty();
		assertThat(this.registry.find("security.mitigation.time").summaries()).isEmpty();
		assertThat(rejected("invalid_duration")).isEqualTo(5);
	}

	@Test
	void recordTimeWhenDurationHugeThenRecordedWithoutOverflow() {
		this.collector.recordMitigationTime("t", Duration.ofSeconds(Long.MAX_VALUE));
		assertThat(this.registry.get("security.mitigation.time").summary().count()).isEqualTo(1);
	}

	@Test
	void recordTimeWhenZeroThenRecorded() {
		this.collector.recordDetectionTime("m", 0);
		assertThat(this.registry.get("security.detection.latency").summary().count()).isEqualTo(1);
		assertThat(rejected("invalid_duration")).isZero();
	}

	@Test
	void updateGaugesWhenInRangeThenReported() {
		this.collector.updateThreatLevel(3);
		this.collector.updateActiveThreats("bot", 4);
		this.collector.updateBlockedIps("honeypot", 12);
		this.collector.updateActiveSessions("password", 30);
		this.collector.updateQuarantinedRequests(2);
		this.collector.updateComplianceScore("GDPR", 87.5);
		this.collector.updateVulnerabilityCount("critical", 1);
		this.collector.updateDetectionCoverage("owasp", 92.5);
		this.collector.updateResponseReadiness(88);
		this.collector.updateDetectionRates("bot", 96.0, 3.0);
		this.collector.updatePendingAlerts("high", 5);
		assertThat(gauge("security.threat.level.current")).isEqualTo(3);
		assertThat(gauge("security.active.threats.current", "threat_type", "bot")).isEqualTo(4);
		assertThat(gauge("security.blocked.ips.current", "block_reason", "honeypot")).isEqualTo(12);
		assertThat(gauge("security.active.sessions.current", "auth_method", "password")).isEqualTo(30);
		assertThat(gauge("security.quarantined.requests.current")).isEqualTo(2);
		assertThat(gauge("security.compliance.score.current", "compliance_standard", "GDPR")).isEqualTo(87.5);
		assertThat(gauge("security.vulnerability.count.current", "severity", "critical")).isEqualTo(1);
		assertThat(gauge("security.detection.coverage.percent", "coverage_category", "owasp")).isEqualTo(92.5);
		assertThat(gauge("security.response.readiness.score")).isEqualTo(88);
		assertThat(gauge("security.true.positive.rate.percent", "detection_type", "bot")).isEqualTo(96);
		assertThat(gauge("security.false.positive.rate.percent", "detection_type", "bot")).isEqualTo(3);
		assertThat(gauge("security.alerts.pending.current", "severity", "high")).isEqualTo(5);
	}

	@Test
	void updateGaugesWhenNeverSetThenNotANumberRatherThanZero() {
		assertThat(gauge("security.threat.level.current")).isNaN();
		assertThat(gauge("security.response.readiness.score")).isNaN();
	}

	@Test
	void updateGaugesWhenOutOfRangeThenClampedAndCounted() {
		this.collector.updateThreatLevel(9);
		assertThat(gauge("security.threat.level.current")).isEqualTo(5);
		this.collector.updateThreatLevel(-2);
		assertThat(gauge("security.threat.level.current")).isZero();
		this.collector.updateComplianceScore("GDPR", 140);
		assertThat(gauge("security.compliance.score.current", "compliance_standard", "GDPR")).isEqualTo(100);
		this.collector.updateDetectionCoverage("c", -5);
		assertThat(gauge("security.detection.coverage.percent", "coverage_category", "c")).isZero();
		this.collector.updateResponseReadiness(101);
		assertThat(gauge("security.response.readiness.score")).isEqualTo(100);
		this.collector.updateActiveThreats("bot", -1);
		assertThat(gauge("security.active.threats.current", "threat_type", "bot")).isZero();
		this.collector.updateDetectionRates("bot", 120.0, -3.0);
		assertThat(gauge("security.true.positive.rate.percent", "detection_type", "bot")).isEqualTo(100);
		assertThat(gauge("security.false.positive.rate.percent", "detection_type", "bot")).isZero();
		assertThat(rejected("out_of_range")).isEqualTo(8);
	}

	@Test
	void updateGaugesWhenNotFiniteThenPreviousValueKeptAndCounted() {
		this.collector.updateComplianceScore("GDPR", 80);
		this.collector.updateComplianceScore("GDPR", Double.NaN);
		this.collector.updateResponseReadiness(Double.NEGATIVE_INFINITY);
		assertThat(gauge("security.compliance.score.current", "compliance_standard", "GDPR")).isEqualTo(80);
		assertThat(gauge("security.response.readiness.score")).isNaN();
		assertThat(rejected("not_finite")).isEqualTo(2);
	}

	@Test
	void updatePolicyVersionWhenVersionChangesThenOneSeriesPerPolicyType() {
		this.collector.updatePolicyVersion("waf", "1.0");
		this.collector.updatePolicyVersion("waf", "1.0");
		this.collector.updatePolicyVersion("waf", "2.0");
		this.collector.updatePolicyVersion("rate_limit", "7");
		List<Gauge> infos = new ArrayList<>(this.registry.find("security.policy.version.info").gauges());
		assertThat(infos).hasSize(2);
		assertThat(infos).allSatisfy((info) -> assertThat(info.value()).isEqualTo(1));
		assertThat(gauge("security.policy.version.info", "policy_type", "waf", "version", "2.0")).isEqualTo(1);
		assertThat(this.registry.find("security.policy.version.info").tag("version", "1.0").gauges()).isEmpty();
	}

	@Test
	void updatePolicyVersionWhenManyVersionsOverTimeThenEachShownAndOneSeries() {
		SecurityMetricsCollector bounded = new SecurityMetricsCollector(this.registry,
				SecurityMetricsOptions.defaults().withMaxLabelValues(3));
		for (int version = 1; version <= 50; version++) {
			bounded.recordPolicyUpdate("waf", Integer.toString(version));
		}
		assertThat(this.registry.find("security.policy.version.info").gauges()).hasSize(1);
		assertThat(gauge("security.policy.version.info", "policy_type", "waf", "version", "50")).isEqualTo(1);
		bounded.updatePolicyVersion("waf", "v".repeat(200));
		assertThat(gauge("security.policy.version.info", "policy_type", "waf", "version", "other")).isEqualTo(1);
		assertThat(counter("security.policy.updates", "policy_type", "waf")).isEqualTo(50);
	}

	@Test
	void updateMeanTimesWhenSetDirectlyThenGaugesReportThem() {
		this.collector.updateMeanTimes("ddos", 20.0, null, 400.0);
		assertThat(gauge("security.mean.time.to.detect.seconds", "incident_type", "ddos")).isEqualTo(20);
		assertThat(gauge("security.mean.time.to.respond.seconds", "incident_type", "ddos")).isNaN();
		assertThat(gauge("security.mean.time.to.remediate.seconds", "incident_type", "ddos")).isEqualTo(400);
	}

	@Test
	void updateMeanTimesWhenNegativeThenDroppedAndCounted() {
		this.collector.updateMeanTimes("ddos", -20.0, Double.NaN, null);
		assertThat(gauge("security.mean.time.to.detect.seconds", "incident_type", "ddos")).isNaN();
		assertThat(rejected("invalid_duration")).isEqualTo(2);
	}

	@Test
	void recordWhenManyThreadsThenNoCountLostAndBoundHolds() throws Exception {
		SecurityMetricsCollector bounded = new SecurityMetricsCollector(this.registry,
				SecurityMetricsOptions.defaults().withMaxLabelValues(20));
		int threads = 8;
		int perThread = 20_000;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int id = t;
			futures.add(executor.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					bounded.recordAttackBlocked("type-" + (i % 50), "sev-" + (id % 2), 0.5);
					bounded.recordDetectionResult("bot", (i & 1) == 0);
					bounded.updateActiveThreats("t-" + (i % 30), i);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get(60, TimeUnit.SECONDS);
		}
		executor.shutdown();
		double blocked = this.registry.find("security.attacks.blocked")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
		assertThat(blocked).isEqualTo(threads * perThread);
		assertThat(this.registry.find("security.attacks.blocked").counters()).hasSizeLessThanOrEqualTo(21 * 2);
		assertThat(this.registry.find("security.active.threats.current").gauges()).hasSize(21);
		assertThat(counter("security.true.positives", "detection_type", "bot")
				+ counter("security.false.positives", "detection_type", "bot"))
			.isEqualTo(threads * perThread);
		SecurityKpis kpis = bounded.currentKpis();
		assertThat(kpis.attacksBlocked()).isEqualTo(threads * perThread);
		assertThat(kpis.precisionPercent()).isCloseTo(50, within(1e-9));
	}

	@Test
	void currentKpisWhenNothingRecordedThenEveryKpiInsufficient() {
		SecurityKpis kpis = this.collector.currentKpis();
		assertThat(kpis.precisionPercent()).isNull();
		assertThat(kpis.truePositiveRatePercent()).isNull();
		assertThat(kpis.attackBlockRatePercent()).isNull();
		assertThat(kpis.mttdSeconds()).isNull();
		assertThat(kpis.complianceMeanScore()).isNull();
		assertThat(kpis.threatLevel()).isNull();
		SecurityScorecard scorecard = this.collector.generateScorecard(kpis);
		assertThat(scorecard.overallScore()).isNull();
		assertThat(scorecard.overallStatus()).isEqualTo(SecurityScorecard.Status.INSUFFICIENT_DATA);
	}

	@Test
	void currentKpisWhenEventsAndGaugesRecordedThenComputedFromThem() {
		for (int i = 0; i < 19; i++) {
			this.collector.recordThreatDetected("bot", "ua", null);
			this.collector.recordAttackBlocked("bot", "high", null);
			this.collector.recordDetectionResult("bot", true);
		}
		this.collector.recordThreatDetected("bot", "ua", null);
		this.collector.recordDetectionResult("bot", false);
		this.collector.recordIncident("intrusion", 30.0, 200.0, 500.0);
		this.collector.recordIncident("ddos", 90.0, 400.0, null);
		this.collector.recordIncidentEscalation("high", "tier2");
		this.collector.updateDetectionRates("bot", 96.0, 4.0);
		this.collector.updateDetectionRates("sqli", 90.0, 6.0);
		this.collector.updateComplianceScore("GDPR", 80);
		this.collector.updateComplianceScore("SOC2", 100);
		this.collector.updateVulnerabilityCount("critical", 0);
		this.collector.updateVulnerabilityCount("high", 3);
		this.collector.updateDetectionCoverage("owasp", 90);
		this.collector.updateResponseReadiness(88);
		this.collector.updateThreatLevel(4);
		SecurityKpis kpis = this.collector.currentKpis();
		assertThat(kpis.threatsDetected()).isEqualTo(20);
		assertThat(kpis.attacksBlocked()).isEqualTo(19);
		assertThat(kpis.attackBlockRatePercent()).isCloseTo(95, within(1e-9));
		assertThat(kpis.precisionPercent()).isCloseTo(95, within(1e-9));
		assertThat(kpis.truePositiveRatePercent()).isCloseTo(93, within(1e-9));
		assertThat(kpis.falsePositiveRatePercent()).isCloseTo(5, within(1e-9));
		assertThat(kpis.detectionAccuracyPercent()).isNull();
		assertThat(kpis.mttdSeconds()).isCloseTo(60, within(1e-9));
		assertThat(kpis.mttrSeconds()).isCloseTo(300, within(1e-9));
		assertThat(kpis.timeToRemediateSeconds()).isCloseTo(500, within(1e-9));
		assertThat(kpis.complianceScores()).containsEntry("GDPR", 80.0).containsEntry("SOC2", 100.0);
		assertThat(kpis.complianceMeanScore()).isEqualTo(90);
		assertThat(kpis.complianceMinScore()).isEqualTo(80);
		assertThat(kpis.criticalVulnerabilities()).isZero();
		assertThat(kpis.highVulnerabilities()).isEqualTo(3);
		assertThat(kpis.mediumVulnerabilities()).isNull();
		assertThat(kpis.detectionCoveragePercent()).isEqualTo(90);
		assertThat(kpis.responseReadinessScore()).isEqualTo(88);
		assertThat(kpis.threatLevel()).isEqualTo(4);
		assertThat(kpis.threatLevelStatus()).isEqualTo(SecurityKpis.ThreatLevelStatus.ELEVATED);
		assertThat(kpis.incidents()).isEqualTo(2);
		assertThat(kpis.escalations()).isEqualTo(1);
		assertThat(kpis.escalationRatePercent()).isEqualTo(50);
	}

	@Test
	void currentKpisWhenSeveritiesDifferInCaseThenMatchedAndSummed() {
		this.collector.updateVulnerabilityCount("Critical", 1);
		this.collector.updateVulnerabilityCount("CRITICAL", 2);
		this.collector.updateVulnerabilityCount("High", 4);
		SecurityKpis kpis = this.collector.currentKpis();
		assertThat(kpis.criticalVulnerabilities()).isEqualTo(3);
		assertThat(kpis.highVulnerabilities()).isEqualTo(4);
	}

	@Test
	void createWhenOptionsInvalidThenThrowsClearly() {
		SecurityMetricsOptions defaults = SecurityMetricsOptions.defaults();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxLabelValues(0))
			.withMessage("maxLabelValues must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withRollingWindowSize(0))
			.withMessage("rollingWindowSize must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withRollingWindowDuration(Duration.ZERO))
			.withMessage("rollingWindowDuration must be positive but was PT0S");
		assertThatNullPointerException().isThrownBy(() -> defaults.withClock(null))
			.withMessage("clock must not be null");
		assertThatNullPointerException().isThrownBy(() -> new SecurityMetricsCollector(null))
			.withMessage("registry must not be null");
	}

	@Test
	void optionsWhenDefaultsThenDocumentedValues() {
		SecurityMetricsOptions defaults = SecurityMetricsOptions.defaults();
		assertThat(defaults.maxLabelValues()).isEqualTo(100);
		assertThat(defaults.rollingWindowSize()).isEqualTo(100);
		assertThat(defaults.rollingWindowDuration()).isEqualTo(Duration.ofHours(1));
		assertThat(defaults.clock()).isSameAs(io.micrometer.core.instrument.Clock.SYSTEM);
	}

	@Test
	void twoCollectorsWhenSameRegistryThenShareMeters() {
		SecurityMetricsCollector other = new SecurityMetricsCollector(this.registry);
		this.collector.recordSuspiciousPattern("p");
		other.recordSuspiciousPattern("p");
		assertThat(counter("security.suspicious.patterns", "pattern_type", "p")).isEqualTo(2);
	}

	@Test
	void getSecurityMetricsCollectorWhenNoneInstalledThenStandaloneOnPrometheus() {
		SecurityMetricsCollector standalone = SecurityMetrics.getSecurityMetricsCollector();
		assertThat(SecurityMetrics.getSecurityMetricsCollector()).isSameAs(standalone);
		assertThat(standalone.registry())
			.isInstanceOf(io.micrometer.prometheusmetrics.PrometheusMeterRegistry.class);
		standalone.recordAttackBlocked("sql_injection", "high", 0.95);
		String scrape = ((io.micrometer.prometheusmetrics.PrometheusMeterRegistry) standalone.registry()).scrape();
		assertThat(scrape).contains("security_attacks_blocked_total{attack_type=\"sql_injection\",severity=\"high\"} 1");
	}

	@Test
	void setSecurityMetricsCollectorWhenInstalledThenReturnedUntilReset() {
		SecurityMetrics.setSecurityMetricsCollector(this.collector);
		assertThat(SecurityMetrics.getSecurityMetricsCollector()).isSameAs(this.collector);
		assertThat(SecurityMetrics.reset(new SecurityMetricsCollector(new SimpleMeterRegistry()))).isFalse();
		assertThat(SecurityMetrics.getSecurityMetricsCollector()).isSameAs(this.collector);
		assertThat(SecurityMetrics.reset(this.collector)).isTrue();
		assertThat(SecurityMetrics.getSecurityMetricsCollector()).isNotSameAs(this.collector);
		assertThatIllegalArgumentException().isThrownBy(() -> SecurityMetrics.setSecurityMetricsCollector(null));
	}

	@Test
	void recordWhenRegistryDeniesMetersThenNothingThrowsAndKpisStillCount() {
		SimpleMeterRegistry denying = new SimpleMeterRegistry();
		denying.config().meterFilter(io.micrometer.core.instrument.config.MeterFilter.denyNameStartsWith("security"));
		SecurityMetricsCollector quiet = new SecurityMetricsCollector(denying);
		assertThatNoException().isThrownBy(() -> {
			quiet.recordAttackBlocked("a", "b", 0.5);
			quiet.recordThreatDetected("a", "b", 0.5);
			quiet.updateThreatLevel(2);
		});
		assertThat(quiet.currentKpis().attackBlockRatePercent()).isEqualTo(100);
	}

}
