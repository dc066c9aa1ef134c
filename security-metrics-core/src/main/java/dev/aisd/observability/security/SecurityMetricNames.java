package dev.aisd.observability.security;

import java.util.List;

/**
 * The names of the security metric families exactly as Prometheus sees them on
 * {@code /metrics} (counters include their {@code _total} suffix). These names are a
 * public contract: dashboards and alert rules depend on them. Kind, help, labels and
 * buckets of each family are in {@link SecurityMetricFamily}, the catalogue as data.
 *
 * @since 0.1.0
 */
public final class SecurityMetricNames {

	/** See {@link SecurityMetricFamily#ATTACKS_BLOCKED}. */
	public static final String ATTACKS_BLOCKED = "security_attacks_blocked_total";

	/** See {@link SecurityMetricFamily#THREATS_DETECTED}. */
	public static final String THREATS_DETECTED = "security_threats_detected_total";

	/** See {@link SecurityMetricFamily#THREAT_SCORE_DISTRIBUTION}. */
	public static final String THREAT_SCORE_DISTRIBUTION = "security_threat_score_distribution";

	/** See {@link SecurityMetricFamily#ATTACK_SCORE_DISTRIBUTION}. */
	public static final String ATTACK_SCORE_DISTRIBUTION = "security_attack_score_distribution";

	/** See {@link SecurityMetricFamily#RISK_SCORE_DISTRIBUTION}. */
	public static final String RISK_SCORE_DISTRIBUTION = "security_risk_score_distribution";

	/** See {@link SecurityMetricFamily#ANOMALY_SCORE_DISTRIBUTION}. */
	public static final String ANOMALY_SCORE_DISTRIBUTION = "security_anomaly_score_distribution";

	/** See {@link SecurityMetricFamily#AUTH_FAILURES}. */
	public static final String AUTH_FAILURES = "security_auth_failures_total";

	/** See {@link SecurityMetricFamily#AUTHZ_DENIALS}. */
	public static final String AUTHZ_DENIALS = "security_authz_denials_total";

	/** See {@link SecurityMetricFamily#ACTIVE_SESSIONS}. */
	public static final String ACTIVE_SESSIONS = "security_active_sessions_current";

	/** See {@link SecurityMetricFamily#RATE_LIMIT_VIOLATIONS}. */
	public static final String RATE_LIMIT_VIOLATIONS = "security_rate_limit_violations_total";

	/** See {@link SecurityMetricFamily#CAPTCHA_SUCCESSES}. */
	public static final String CAPTCHA_SUCCESSES = "security_captcha_successes_total";

	/** See {@link SecurityMetricFamily#CAPTCHA_FAILURES}. */
	public static final String CAPTCHA_FAILURES = "security_captcha_failures_total";

	/** See {@link SecurityMetricFamily#HONEYPOT_HITS}. */
	public static final String HONEYPOT_HITS = "security_honeypot_hits_total";

	/** See {@link SecurityMetricFamily#SUSPICIOUS_PATTERNS}. */
	public static final String SUSPICIOUS_PATTERNS = "security_suspicious_patterns_total";

	/** See {@link SecurityMetricFamily#INCIDENT_ESCALATIONS}. */
	public static final String INCIDENT_ESCALATIONS = "security_incident_escalations_total";

	/** See {@link SecurityMetricFamily#IP_BLOCKS}. */
	public static final String IP_BLOCKS = "security_ip_blocks_total";

	/** See {@link SecurityMetricFamily#WAF_RULES_TRIGGERED}. */
	public static final String WAF_RULES_TRIGGERED = "security_waf_rules_triggered_total";

	/** See {@link SecurityMetricFamily#INTRUSION_ATTEMPTS}. */
	public static final String INTRUSION_ATTEMPTS = "security_intrusion_attempts_total";

	/** See {@link SecurityMetricFamily#DATA_EXFILTRATION_ATTEMPTS}. */
	public static final String DATA_EXFILTRATION_ATTEMPTS = "security_data_exfiltration_attempts_total";

	/** See {@link SecurityMetricFamily#DETECTION_LATENCY_SECONDS}. */
	public static final String DETECTION_LATENCY_SECONDS = "security_detection_latency_seconds";

	/** See {@link SecurityMetricFamily#RESPONSE_TIME_SECONDS}. */
	public static final String RESPONSE_TIME_SECONDS = "security_response_time_seconds";

	/** See {@link SecurityMetricFamily#MITIGATION_TIME_SECONDS}. */
	public static final String MITIGATION_TIME_SECONDS = "security_mitigation_time_seconds";

	/** See {@link SecurityMetricFamily#MEAN_TIME_TO_DETECT_SECONDS}. */
	public static final String MEAN_TIME_TO_DETECT_SECONDS = "security_mean_time_to_detect_seconds";

	/** See {@link SecurityMetricFamily#MEAN_TIME_TO_RESPOND_SECONDS}. */
	public static final String MEAN_TIME_TO_RESPOND_SECONDS = "security_mean_time_to_respond_seconds";

	/** See {@link SecurityMetricFamily#MEAN_TIME_TO_REMEDIATE_SECONDS}. */
	public static final String MEAN_TIME_TO_REMEDIATE_SECONDS = "security_mean_time_to_remediate_seconds";

	/** See {@link SecurityMetricFamily#TRUE_POSITIVES}. */
	public static final String TRUE_POSITIVES = "security_true_positives_total";

	/** See {@link SecurityMetricFamily#FALSE_POSITIVES}. */
	public static final String FALSE_POSITIVES = "security_false_positives_total";

	/** See {@link SecurityMetricFamily#TRUE_POSITIVE_RATE_PERCENT}. */
	public static final String TRUE_POSITIVE_RATE_PERCENT = "security_true_positive_rate_percent";

	/** See {@link SecurityMetricFamily#FALSE_POSITIVE_RATE_PERCENT}. */
	public static final String FALSE_POSITIVE_RATE_PERCENT = "security_false_positive_rate_percent";

	/** See {@link SecurityMetricFamily#ANOMALIES_DETECTED}. */
	public static final String ANOMALIES_DETECTED = "security_anomalies_detected_total";

	/** See {@link SecurityMetricFamily#THREAT_LEVEL_CURRENT}. */
	public static final String THREAT_LEVEL_CURRENT = "security_threat_level_current";

	/** See {@link SecurityMetricFamily#ACTIVE_THREATS_CURRENT}. */
	public static final String ACTIVE_THREATS_CURRENT = "security_active_threats_current";

	/** See {@link SecurityMetricFamily#BLOCKED_IPS_CURRENT}. */
	public static final String BLOCKED_IPS_CURRENT = "security_blocked_ips_current";

	/** See {@link SecurityMetricFamily#COMPLIANCE_SCORE_CURRENT}. */
	public static final String COMPLIANCE_SCORE_CURRENT = "security_compliance_score_current";

	/** See {@link SecurityMetricFamily#VULNERABILITY_COUNT_CURRENT}. */
	public static final String VULNERABILITY_COUNT_CURRENT = "security_vulnerability_count_current";

	/** See {@link SecurityMetricFamily#DETECTION_COVERAGE_PERCENT}. */
	public static final String DETECTION_COVERAGE_PERCENT = "security_detection_coverage_percent";

	/** See {@link SecurityMetricFamily#RESPONSE_READINESS_SCORE}. */
	public static final String RESPONSE_READINESS_SCORE = "security_response_readiness_score";

	/** See {@link SecurityMetricFamily#ALERTS_PENDING_CURRENT}. */
	public static final String ALERTS_PENDING_CURRENT = "security_alerts_pending_current";

	/** See {@link SecurityMetricFamily#QUARANTINED_REQUESTS_CURRENT}. */
	public static final String QUARANTINED_REQUESTS_CURRENT = "security_quarantined_requests_current";

	/** See {@link SecurityMetricFamily#AUDIT_EVENTS}. */
	public static final String AUDIT_EVENTS = "security_audit_events_total";

	/** See {@link SecurityMetricFamily#COMPLIANCE_VIOLATIONS}. */
	public static final String COMPLIANCE_VIOLATIONS = "security_compliance_violations_total";

	/** See {@link SecurityMetricFamily#POLICY_UPDATES}. */
	public static final String POLICY_UPDATES = "security_policy_updates_total";

	/** See {@link SecurityMetricFamily#POLICY_VERSION_INFO}. */
	public static final String POLICY_VERSION_INFO = "security_policy_version_info";

	/** See {@link SecurityMetricFamily#AUTH_SUCCESSES}. */
	public static final String AUTH_SUCCESSES = "security_auth_successes_total";

	/** See {@link SecurityMetricFamily#AUTHZ_GRANTS}. */
	public static final String AUTHZ_GRANTS = "security_authz_grants_total";

	/**
	 * Counter of inputs the collector rejected or corrected instead of throwing:
	 * {@code reason}. About the collector itself, so not in the catalogue.
	 */
	public static final String REJECTED_INPUTS = "security_metrics_rejected_inputs_total";

	/** Every family of the security catalogue, in the order of {@link SecurityMetricFamily}. */
	public static final List<String> CATALOGUE = SecurityMetricFamily.prometheusNames();

	private SecurityMetricNames() {
	}

}
