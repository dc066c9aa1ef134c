package dev.aisd.observability.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One security event recorded by the {@link SecurityMetricsCollector}, named in the
 * OWASP Logging Vocabulary ({@code authn_login_fail}, {@code authz_fail},
 * {@code excess_rate_limit_exceeded}, {@code malicious_*}, ...), with the label values it
 * was recorded with (one or two label name and value pairs).
 * <p>
 * Creating an event allocates only this object: {@link #fields()} and
 * {@link #description()} are built when a listener asks for them.
 *
 * @param name the vocabulary name, one of the constants of this type
 * @param level the vocabulary level: {@code INFO}, {@code WARN} or {@code CRITICAL}
 * @param firstLabel the name of the first label
 * @param firstValue its value
 * @param secondLabel the name of the second label, or {@code null} for an event with one
 * @param secondValue its value, or {@code null}
 * @since 0.1.0
 */
public record SecurityEvent(String name, String level, String firstLabel, String firstValue, String secondLabel,
		String secondValue) {

	/** A failed login: {@code recordAuthFailure}. */
	public static final String AUTHN_LOGIN_FAIL = "authn_login_fail";

	/** A failed CAPTCHA: {@code recordCaptchaResult} without success. */
	public static final String AUTHN_CAPTCHA_FAIL = "authn_captcha_fail";

	/** An authorization denial: {@code recordAuthzDenial}. */
	public static final String AUTHZ_FAIL = "authz_fail";

	/** A rate limit exceeded: {@code recordRateLimitViolation}. */
	public static final String EXCESS_RATE_LIMIT_EXCEEDED = "excess_rate_limit_exceeded";

	/** A blocked attack: {@code recordAttackBlocked}. */
	public static final String MALICIOUS_ATTACK_BLOCKED = "malicious_attack_blocked";

	/** A detected threat: {@code recordThreatDetected}. */
	public static final String MALICIOUS_THREAT_DETECTED = "malicious_threat_detected";

	/** A honeypot hit: {@code recordHoneypotHit}. */
	public static final String MALICIOUS_HONEYPOT_HIT = "malicious_honeypot_hit";

	/** A suspicious pattern: {@code recordSuspiciousPattern}. */
	public static final String MALICIOUS_SUSPICIOUS_PATTERN = "malicious_suspicious_pattern";

	/** An address blocked: {@code recordIpBlock}. */
	public static final String MALICIOUS_IP_BLOCKED = "malicious_ip_blocked";

	/** A WAF rule triggered: {@code recordWafRuleTrigger}. */
	public static final String MALICIOUS_WAF_RULE = "malicious_waf_rule_triggered";

	/** An intrusion attempt: {@code recordIntrusionAttempt}. */
	public static final String MALICIOUS_INTRUSION_ATTEMPT = "malicious_intrusion_attempt";

	/** A data exfiltration attempt: {@code recordExfiltrationAttempt}. */
	public static final String MALICIOUS_DATA_EXFILTRATION = "malicious_data_exfiltration";

	/** An anomaly: {@code recordAnomaly}. */
	public static final String MALICIOUS_ANOMALY = "malicious_anomaly";

	/** An incident escalated: {@code recordIncidentEscalation}. */
	public static final String INCIDENT_ESCALATED = "incident_escalated";

	/** A security audit event: {@code recordAuditEvent}. */
	public static final String AUDIT_EVENT = "audit_event";

	/** A compliance violation: {@code recordComplianceViolation}. */
	public static final String COMPLIANCE_VIOLATION = "compliance_violation";

	/** A security policy updated: {@code recordPolicyUpdate}. */
	public static final String SYS_POLICY_UPDATE = "sys_policy_update";

	static SecurityEvent of(String name, String firstKey, String firstValue, String secondKey, String secondValue) {
		return new SecurityEvent(name, level(name), firstKey, firstValue, secondKey, secondValue);
	}

	/**
	 * Return the label values by label name, in recording order.
	 * @return an unmodifiable map of one or two entries
	 */
	public Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>(4);
		fields.put(this.firstLabel, this.firstValue);
		if (this.secondLabel != null) {
			fields.put(this.secondLabel, this.secondValue);
		}
		return Collections.unmodifiableMap(fields);
	}

	/**
	 * Return a one-line description for people, for example
	 * {@code Authorization denied: resource=/admin, action=GET}.
	 * @return the description
	 */
	public String description() {
		return description(this.name, fields());
	}

	private static String level(String name) {
		switch (name) {
			case AUTHZ_FAIL, MALICIOUS_INTRUSION_ATTEMPT, MALICIOUS_DATA_EXFILTRATION:
				return "CRITICAL";
			case AUDIT_EVENT, SYS_POLICY_UPDATE:
				return "INFO";
			default:
				return "WARN";
		}
	}

	private static String description(String name, Map<String, String> fields) {
		StringBuilder text = new StringBuilder(64);
		text.append(switch (name) {
			case AUTHN_LOGIN_FAIL -> "Authentication failed";
			case AUTHN_CAPTCHA_FAIL -> "CAPTCHA failed";
			case AUTHZ_FAIL -> "Authorization denied";
			case EXCESS_RATE_LIMIT_EXCEEDED -> "Rate limit exceeded";
			case MALICIOUS_ATTACK_BLOCKED -> "Attack blocked";
			case MALICIOUS_THREAT_DETECTED -> "Threat detected";
			case MALICIOUS_HONEYPOT_HIT -> "Honeypot hit";
			case MALICIOUS_SUSPICIOUS_PATTERN -> "Suspicious pattern";
			case MALICIOUS_IP_BLOCKED -> "IP address blocked";
			case MALICIOUS_WAF_RULE -> "WAF rule triggered";
			case MALICIOUS_INTRUSION_ATTEMPT -> "Intrusion attempt";
			case MALICIOUS_DATA_EXFILTRATION -> "Data exfiltration attempt";
			case MALICIOUS_ANOMALY -> "Anomaly detected";
			case INCIDENT_ESCALATED -> "Incident escalated";
			case AUDIT_EVENT -> "Security audit event";
			case COMPLIANCE_VIOLATION -> "Compliance violation";
			case SYS_POLICY_UPDATE -> "Security policy updated";
			default -> name;
		});
		char separator = ':';
		for (Map.Entry<String, String> field : fields.entrySet()) {
			text.append(separator).append(' ').append(field.getKey()).append('=').append(field.getValue());
			separator = ',';
		}
		return text.toString();
	}

}
