package dev.aisd.observability.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.aisd.observability.test.Exposition;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the catalogue's names, types and labels as Prometheus sees them: registers every
 * family in a {@link PrometheusMeterRegistry}, scrapes it and parses the text.
 */
class SecurityMetricsExpositionTests {

	/** Family, its {@code # TYPE}, and its label names, as docs/security-metrics.md documents them. */
	static final Map<String, Family> CATALOGUE = new LinkedHashMap<>();

	record Family(String type, Set<String> labels) {
	}

	static {
		counter("security_attacks_blocked_total", "attack_type", "severity");
		counter("security_threats_detected_total", "threat_type", "source");
		histogram("security_threat_score_distribution", "score_type");
		histogram("security_attack_score_distribution", "attack_type");
		histogram("security_risk_score_distribution", "risk_category");
		histogram("security_anomaly_score_distribution", "detector_type");
		counter("security_auth_failures_total", "auth_method", "failure_reason");
		counter("security_authz_denials_total", "resource", "action");
		gauge("security_active_sessions_current", "auth_method");
		counter("security_rate_limit_violations_total", "endpoint", "limit_type");
		counter("security_captcha_successes_total", "captcha_type");
		counter("security_captcha_failures_total", "captcha_type", "failure_reason");
		counter("security_honeypot_hits_total", "honeypot_type", "ip_reputation");
		counter("security_suspicious_patterns_total", "pattern_type");
		counter("security_incident_escalations_total", "severity", "escalation_level");
		counter("security_ip_blocks_total", "block_reason", "duration");
		counter("security_waf_rules_triggered_total", "rule_id", "severity");
		counter("security_intrusion_attempts_total", "attack_vector", "severity");
		counter("security_data_exfiltration_attempts_total", "detection_method");
		histogram("security_detection_latency_seconds", "detection_method");
		histogram("security_response_time_seconds", "event_type");
		histogram("security_mitigation_time_seconds", "threat_type");
		gauge("security_mean_time_to_detect_seconds", "incident_type");
		gauge("security_mean_time_to_respond_seconds", "incident_type");
		gauge("security_mean_time_to_remediate_seconds", "incident_type");
		counter("security_true_positives_total", "detection_type");
		counter("security_false_positives_total", "detection_type");
		gauge("security_true_positive_rate_percent", "detection_type");
		gauge("security_false_positive_rate_percent", "detection_type");
		counter("security_anomalies_detected_total", "anomaly_type", "confidence");
		gauge("security_threat_level_current");
		gauge("security_active_threats_current", "threat_type");
		gauge("security_blocked_ips_current", "block_reason");
		gauge("security_compliance_score_current", "compliance_standard");
		gauge("security_vulnerability_count_current", "severity");
		gauge("security_detection_coverage_percent", "coverage_category");
		gauge("security_response_readiness_score");
		gauge("security_alerts_pending_current", "severity");
		gauge("security_quarantined_requests_current");
		counter("security_audit_events_total", "event_category", "severity");
		counter("security_compliance_violations_total", "policy_type", "severity");
		counter("security_policy_updates_total", "policy_type");
		// Prometheus gives every _info family the value 1, so the version is a label.
		gauge("security_policy_version_info", "policy_type", "version");
		// Not in the seed: the denominators of the authentication and authorization rates.
		counter("security_auth_successes_total", "auth_method");
		counter("security_authz_grants_total", "resource", "action");
	}

	private static void counter(String name, String... labels) {
		CATALOGUE.put(name, new Family("counter", Set.of(labels)));
	}

	private static void gauge(String name, String... labels) {
		CATALOGUE.put(name, new Family("gauge", Set.of(labels)));
	}

	private static void histogram(String name, String... labels) {
		CATALOGUE.put(name, new Family("histogram", Set.of(labels)));
	}

	private PrometheusMeterRegistry registry;

	private SecurityMetricsCollector collector;

	@BeforeEach
	void setUp() {
		this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.collector = new SecurityMetricsCollector(this.registry);
	}

	static void recordEveryFamily(SecurityMetricsCollector collector) {
		collector.recordAttackBlocked("sql_injection", "high", 0.95);
		collector.recordThreatDetected("bot", "escalation_engine", 0.87);
		collector.recordAuthFailure("password", "bad_credentials");
		collector.recordAuthzDenial("/admin", "GET");
		collector.recordRateLimitViolation("/api/items", "per_client");
		collector.recordCaptchaResult("recaptcha", true, null);
		collector.recordCaptchaResult("recaptcha", false, "timeout");
		collector.recordHoneypotHit("wp_admin", "bad");
		collector.recordAuditEvent("login", "info");
		collector.recordComplianceViolation("data_retention", "medium");
		collector.recordSuspiciousPattern("path_traversal");
		collector.recordIpBlock("honeypot", "1h");
		collector.recordWafRuleTrigger("942100", "critical");
		collector.recordIntrusionAttempt("ssh", "high");
		collector.recordExfiltrationAttempt("dlp");
		collector.recordAnomaly("traffic_spike", "high", "isolation_forest", 0.7);
		collector.recordDetectionResult("bot", true);
		collector.recordDetectionResult("bot", false);
		collector.recordIncidentEscalation("high", "tier2");
		collector.recordPolicyUpdate("waf", "2.3.1");
		collector.recordDetectionTime("signature", 0.02);
		collector.recordResponseTime("attack_blocked", 1.5);
		collector.recordMitigationTime("bot", 42);
		collector.recordRiskScore("account_takeover", 0.4);
		collector.recordIncident("intrusion", 30.0, 120.0, 500.0);
		collector.updateThreatLevel(3);
		collector.updateActiveThreats("bot", 4);
		collector.updateBlockedIps("honeypot", 12);
		collector.updateActiveSessions("password", 30);
		collector.updateQuarantinedRequests(2);
		collector.updatePolicyVersion("rate_limit", "7");
		collector.updateComplianceScore("GDPR", 87.5);
		collector.updateVulnerabilityCount("critical", 0);
		collector.updateDetectionCoverage("owasp_top10", 92);
		collector.updateResponseReadiness(88);
		collector.updateMeanTimes("ddos", 20.0, 100.0, 400.0);
		collector.updateDetectionRates("bot", 96.0, 3.0);
		collector.updatePendingAlerts("high", 5);
		collector.recordAuthSuccess("password");
		collector.recordAuthzGrant("/api/items", "GET");
	}

	@Test
	void scrapeWhenEveryFamilyRecordedThenNamesTypesAndLabelsMatchTheCatalogue() {
		recordEveryFamily(this.collector);
		Exposition text = Exposition.parse(this.registry.scrape());
		for (Map.Entry<String, Family> entry : CATALOGUE.entrySet()) {
			String family = entry.getKey();
			Family expected = entry.getValue();
			// The Prometheus client 1.x writes "# TYPE x_total counter" in the text format.
			assertThat(text.types()).as("# TYPE of %s", family).containsEntry(family, expected.type());
			List<String> sampleNames = expected.type().equals("histogram")
					? List.of(family + "_bucket", family + "_count", family + "_sum") : List.of(family);
			for (String sampleName : sampleNames) {
				Set<String> labels = new TreeSet<>(expected.labels());
				if (sampleName.endsWith("_bucket")) {
					labels.add("le");
				}
				assertThat(text.labelNames().get(sampleName)).as("label sets of %s", sampleName)
					.isNotNull()
					.allSatisfy((actual) -> assertThat(new TreeSet<>(actual)).isEqualTo(labels));
			}
		}
	}

	@Test
	void scrapeWhenEveryFamilyRecordedThenNoOtherSecurityFamilyAppears() {
		recordEveryFamily(this.collector);
		Exposition text = Exposition.parse(this.registry.scrape());
		Set<String> extra = new TreeSet<>();
		for (String family : text.types().keySet()) {
			if (family.startsWith("security_") && !CATALOGUE.containsKey(family)
					&& !family.equals(SecurityMetricNames.REJECTED_INPUTS)
					&& !(family.endsWith("_max") && CATALOGUE.containsKey(family.substring(0, family.length() - 4)))) {
				extra.add(family);
			}
		}
		assertThat(extra).isEmpty();
	}

	@Test
	void scrapeWhenPolicyVersionChangesThenOneInfoSeriesWithTheNewVersion() {
		this.collector.updatePolicyVersion("waf", "2.3.1");
		this.registry.scrape();
		this.collector.updatePolicyVersion("waf", "2.4.0");
		Exposition text = Exposition.parse(this.registry.scrape());
		assertThat(text.series().get("security_policy_version_info"))
			.containsExactly(Map.entry(Map.of("policy_type", "waf", "version", "2.4.0"), 1.0));
	}

	@Test
	void scrapeWhenHistogramsRecordedThenDocumentedBuckets() {
		recordEveryFamily(this.collector);
		Exposition text = Exposition.parse(this.registry.scrape());
		assertThat(buckets(text, "security_threat_score_distribution")).containsExactly("0.1", "0.2", "0.3", "0.4",
				"0.5", "0.6", "0.7", "0.8", "0.9", "1.0", "+Inf");
		for (String family : List.of("security_detection_latency_seconds", "security_response_time_seconds",
				"security_mitigation_time_seconds")) {
			assertThat(buckets(text, family)).as(family)
				.containsExactly("0.01", "0.05", "0.1", "0.5", "1.0", "5.0", "10.0", "30.0", "60.0", "120.0", "300.0",
						"600.0", "1800.0", "3600.0", "+Inf");
		}
		// 42 s of mitigation: not within 30 s, within 60 s.
		assertThat(text.value("security_mitigation_time_seconds_bucket", Map.of("threat_type", "bot", "le", "30.0")))
			.isZero();
		assertThat(text.value("security_mitigation_time_seconds_bucket", Map.of("threat_type", "bot", "le", "60.0")))
			.isEqualTo(1);
	}

	private static List<String> buckets(Exposition text, String family) {
		return text.series().get(family + "_bucket")
			.keySet()
			.stream()
			.map((labels) -> labels.get("le"))
			.distinct()
			.sorted(java.util.Comparator.comparingDouble((le) -> le.equals("+Inf") ? Double.MAX_VALUE : Double.parseDouble(le)))
			.toList();
	}

	@Test
	void scrapeWhenHostileLabelValuesAndBoundsThenEscapedClampedAndFoldsExposed() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SecurityMetricsCollector bounded = new SecurityMetricsCollector(registry,
				SecurityMetricsOptions.defaults().withMaxLabelValues(2));
		String hostile = "a\"b\\c\nd{e}=\u00e9";
		bounded.recordWafRuleTrigger(hostile, "high");
		bounded.recordWafRuleTrigger("r2", "high");
		bounded.recordWafRuleTrigger("r3", "high");
		bounded.updateThreatLevel(42);
		bounded.recordAttackBlocked(null, "high", Double.NaN);
		Exposition text = Exposition.parse(registry.scrape());
		assertThat(text.value("security_waf_rules_triggered_total", Map.of("rule_id", hostile, "severity", "high")))
			.isEqualTo(1);
		assertThat(text.value("security_waf_rules_triggered_total", Map.of("rule_id", "other", "severity", "high")))
			.isEqualTo(1);
		assertThat(text.value("observability_label_values_folded_total",
				Map.of("metric", "security_waf_rules_triggered_total", "label", "rule_id")))
			.isEqualTo(1);
		assertThat(text.value("security_threat_level_current", Map.of())).isEqualTo(5);
		assertThat(text.value("security_attacks_blocked_total", Map.of("attack_type", "unknown", "severity", "high")))
			.isEqualTo(1);
		assertThat(text.value("security_metrics_rejected_inputs_total", Map.of("reason", "out_of_range"))).isEqualTo(1);
		assertThat(text.value("security_metrics_rejected_inputs_total", Map.of("reason", "missing_label")))
			.isEqualTo(1);
		assertThat(text.value("security_metrics_rejected_inputs_total", Map.of("reason", "invalid_score")))
			.isEqualTo(1);
		assertThat(text.types()).containsEntry("security_metrics_rejected_inputs_total", "counter")
			.containsEntry("observability_label_values_folded_total", "counter");
	}

	@Test
	void documentationWhenReadThenDescribesEveryFamily() throws java.io.IOException {
		String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "security-metrics.md"));
		assertThat(CATALOGUE.keySet()).allSatisfy((family) -> assertThat(doc).contains("| `" + family + "` |"));
		assertThat(doc).contains("| `" + SecurityMetricNames.REJECTED_INPUTS + "` |");
	}

	@Test
	void catalogueConstantsWhenComparedWithDesignTableThenSame() {
		assertThat(SecurityMetricNames.CATALOGUE).containsExactlyInAnyOrderElementsOf(CATALOGUE.keySet());
	}

}
