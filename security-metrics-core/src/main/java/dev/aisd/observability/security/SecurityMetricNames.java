package dev.aisd.observability.security;

import java.util.List;

/**
 * The names of the security metric families exactly as Prometheus sees them on
 * {@code /metrics} (counters include their {@code _total} suffix). These names are a
 * public contract: dashboards and alert rules depend on them.
 * <p>
 * The collector registers each family under the Micrometer name that the Prometheus
 * naming convention turns into the name below (for example the counter
 * {@code security.attacks.blocked} becomes {@code security_attacks_blocked_total}, the
 * timer {@code security.detection.latency} becomes
 * {@code security_detection_latency_seconds}).
 *
 * @since 0.1.0
 */
public final class SecurityMetricNames {

	/** Counter of blocked attacks: {@code attack_type}, {@code severity}. */
	public static final String ATTACKS_BLOCKED = "security_attacks_blocked_total";

	/** Counter of detected threats: {@code threat_type}, {@code source}. */
	public static final String THREATS_DETECTED = "security_threats_detected_total";

	/** Histogram of threat scores (0..1): {@code score_type}. */
	public static final String THREAT_SCORE_DISTRIBUTION = "security_threat_score_distribution";

	/** Histogram of attack scores (0..1): {@code attack_type}. */
	public static final String ATTACK_SCORE_DISTRIBUTION = "security_attack_score_distribution";

	/** Histogram of risk scores (0..1): {@code risk_category}. */
	public static final String RISK_SCORE_DISTRIBUTION = "security_risk_score_distribution";

	/** Histogram of anomaly scores (0..1): {@code detector_type}. */
	public static final String ANOMALY_SCORE_DISTRIBUTION = "security_anomaly_score_distribution";

	/** Counter of authentication failures: {@code auth_method}, {@code failure_reason}. */
	public static final String AUTH_FAILURES = "security_auth_failures_total";

	/** Counter of authorization denials: {@code resource}, {@code action}. */
	public static final String AUTHZ_DENIALS = "security_authz_denials_total";

	/** Gauge of active authenticated sessions: {@code auth_method}. */
	public static final String ACTIVE_SESSIONS = "security_active_sessions_current";

	/** Counter of rate-limit violations: {@code endpoint}, {@code limit_type}. */
	public static final String RATE_LIMIT_VIOLATIONS = "security_rate_limit_violations_total";

	/** Counter of solved CAPTCHAs: {@code captcha_type}. */
	public static final String CAPTCHA_SUCCESSES = "security_captcha_successes_total";

	/** Counter of failed CAPTCHAs: {@code captcha_type}, {@code failure_reason}. */
	public static final String CAPTCHA_FAILURES = "security_captcha_failures_total";

	/** Counter of honeypot hits: {@code honeypot_type}, {@code ip_reputation}. */
	public static final String HONEYPOT_HITS = "security_honeypot_hits_total";

	/** Counter of suspicious activity patterns: {@code pattern_type}. */
	public static final String SUSPICIOUS_PATTERNS = "security_suspicious_patterns_total";

	/** Counter of escalated incidents: {@code severity}, {@code escalation_level}. */
	public static final String INCIDENT_ESCALATIONS = "security_incident_escalations_total";

	/** Counter of IP blocks: {@code block_reason}, {@code duration}. */
	public static final String IP_BLOCKS = "security_ip_blocks_total";

	/** Counter of WAF rule triggers: {@code rule_id}, {@code severity}. */
	public static final String WAF_RULES_TRIGGERED = "security_waf_rules_triggered_total";

	/** Counter of intrusion attempts: {@code attack_vector}, {@code severity}. */
	public static final String INTRUSION_ATTEMPTS = "security_intrusion_attempts_total";

	/** Counter of data exfiltration attempts: {@code detection_method}. */
	public static final String DATA_EXFILTRATION_ATTEMPTS = "security_data_exfiltration_attempts_total";

	/** Histogram of detection latency in seconds: {@code detection_method}. */
	public static final String DETECTION_LATENCY_SECONDS = "security_detection_latency_seconds";

	/** Histogram of response time in seconds: {@code event_type}. */
	public static final String RESPONSE_TIME_SECONDS = "security_response_time_seconds";

	/** Histogram of mitigation time in seconds: {@code threat_type}. */
	public static final String MITIGATION_TIME_SECONDS = "security_mitigation_time_seconds";

	/** Gauge of the rolling mean time to detect, in seconds: {@code incident_type}. */
	public static final String MEAN_TIME_TO_DETECT_SECONDS = "security_mean_time_to_detect_seconds";

	/** Gauge of the rolling mean time to respond, in seconds: {@code incident_type}. */
	public static final String MEAN_TIME_TO_RESPOND_SECONDS = "security_mean_time_to_respond_seconds";

	/** Gauge of the rolling mean time to remediate, in seconds: {@code incident_type}. */
	public static final String MEAN_TIME_TO_REMEDIATE_SECONDS = "security_mean_time_to_remediate_seconds";

	/** Counter of true-positive detections: {@code detection_type}. */
	public static final String TRUE_POSITIVES = "security_true_positives_total";

	/** Counter of false-positive detections: {@code detection_type}. */
	public static final String FALSE_POSITIVES = "security_false_positives_total";

	/** Gauge of the true-positive rate (recall) in percent: {@code detection_type}. */
	public static final String TRUE_POSITIVE_RATE_PERCENT = "security_true_positive_rate_percent";

	/** Gauge of the false-positive rate in percent: {@code detection_type}. */
	public static final String FALSE_POSITIVE_RATE_PERCENT = "security_false_positive_rate_percent";

	/** Counter of detected anomalies: {@code anomaly_type}, {@code confidence}. */
	public static final String ANOMALIES_DETECTED = "security_anomalies_detected_total";

	/** Gauge of the overall threat level, 0..5: no labels. */
	public static final String THREAT_LEVEL_CURRENT = "security_threat_level_current";

	/** Gauge of active threats: {@code threat_type}. */
	public static final String ACTIVE_THREATS_CURRENT = "security_active_threats_current";

	/** Gauge of currently blocked IPs: {@code block_reason}. */
	public static final String BLOCKED_IPS_CURRENT = "security_blocked_ips_current";

	/** Gauge of the compliance score, 0..100: {@code compliance_standard}. */
	public static final String COMPLIANCE_SCORE_CURRENT = "security_compliance_score_current";

	/** Gauge of known vulnerabilities: {@code severity}. */
	public static final String VULNERABILITY_COUNT_CURRENT = "security_vulnerability_count_current";

	/** Gauge of detection coverage in percent, 0..100: {@code coverage_category}. */
	public static final String DETECTION_COVERAGE_PERCENT = "security_detection_coverage_percent";

	/** Gauge of incident-response readiness, 0..100: no labels. */
	public static final String RESPONSE_READINESS_SCORE = "security_response_readiness_score";

	/** Gauge of pending security alerts: {@code severity}. */
	public static final String ALERTS_PENDING_CURRENT = "security_alerts_pending_current";

	/** Gauge of quarantined requests: no labels. */
	public static final String QUARANTINED_REQUESTS_CURRENT = "security_quarantined_requests_current";

	/** Counter of audit events: {@code event_category}, {@code severity}. */
	public static final String AUDIT_EVENTS = "security_audit_events_total";

	/** Counter of compliance violations: {@code policy_type}, {@code severity}. */
	public static final String COMPLIANCE_VIOLATIONS = "security_compliance_violations_total";

	/** Counter of policy updates: {@code policy_type}. */
	public static final String POLICY_UPDATES = "security_policy_updates_total";

	/**
	 * Info metric of the active policy version: {@code policy_type}, {@code version}; the
	 * value is always 1 (Prometheus gives every {@code _info} family the value 1, so the
	 * version travels as a label).
	 */
	public static final String POLICY_VERSION_INFO = "security_policy_version_info";

	/**
	 * Counter of successful authentications: {@code auth_method}. Not in the seed: the
	 * other half of the attempts the authentication failure rate divides by.
	 */
	public static final String AUTH_SUCCESSES = "security_auth_successes_total";

	/**
	 * Counter of granted authorization checks: {@code resource}, {@code action}. Not in
	 * the seed: the other half of the checks the authorization denial rate divides by.
	 */
	public static final String AUTHZ_GRANTS = "security_authz_grants_total";

	/**
	 * Counter of inputs the collector rejected or corrected instead of throwing:
	 * {@code reason}.
	 */
	public static final String REJECTED_INPUTS = "security_metrics_rejected_inputs_total";

	/** Every family of the security catalogue, in the order of the design table. */
	public static final List<String> CATALOGUE = List.of(ATTACKS_BLOCKED, THREATS_DETECTED, THREAT_SCORE_DISTRIBUTION,
			ATTACK_SCORE_DISTRIBUTION, RISK_SCORE_DISTRIBUTION, ANOMALY_SCORE_DISTRIBUTION, AUTH_FAILURES, AUTHZ_DENIALS,
			ACTIVE_SESSIONS, RATE_LIMIT_VIOLATIONS, CAPTCHA_SUCCESSES, CAPTCHA_FAILURES, HONEYPOT_HITS,
			SUSPICIOUS_PATTERNS, INCIDENT_ESCALATIONS, IP_BLOCKS, WAF_RULES_TRIGGERED, INTRUSION_ATTEMPTS,
			DATA_EXFILTRATION_ATTEMPTS, DETECTION_LATENCY_SECONDS, RESPONSE_TIME_SECONDS, MITIGATION_TIME_SECONDS,
			MEAN_TIME_TO_DETECT_SECONDS, MEAN_TIME_TO_RESPOND_SECONDS, MEAN_TIME_TO_REMEDIATE_SECONDS, TRUE_POSITIVES,
			FALSE_POSITIVES, TRUE_POSITIVE_RATE_PERCENT, FALSE_POSITIVE_RATE_PERCENT, ANOMALIES_DETECTED,
			THREAT_LEVEL_CURRENT, ACTIVE_THREATS_CURRENT, BLOCKED_IPS_CURRENT, COMPLIANCE_SCORE_CURRENT,
			VULNERABILITY_COUNT_CURRENT, DETECTION_COVERAGE_PERCENT, RESPONSE_READINESS_SCORE, ALERTS_PENDING_CURRENT,
			QUARANTINED_REQUESTS_CURRENT, AUDIT_EVENTS, COMPLIANCE_VIOLATIONS, POLICY_UPDATES, POLICY_VERSION_INFO,
			AUTH_SUCCESSES, AUTHZ_GRANTS);

	private SecurityMetricNames() {
	}

}
