package dev.aisd.observability.security;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The seed's event calls about attacks, threats, logins, rate limits, CAPTCHAs, honeypots,
 * audits, compliance, patterns and IP blocks, exposed by {@link SecurityMetricsCollector}.
 */
abstract class ThreatEventOperations extends CollectorSupport {

	ThreatEventOperations(MeterRegistry registry, SecurityMetricsOptions options) {
		super(registry, options);
	}

	/**
	 * Record a blocked attack: {@code security_attacks_blocked_total{attack_type,severity}}
	 * and, with a score, {@code security_attack_score_distribution{attack_type}}.
	 * @param attackType the attack type, for example {@code sql_injection}
	 * @param severity the severity, for example {@code high}
	 * @param score the attack probability score (0..1), or {@code null}
	 */
	public void recordAttackBlocked(String attackType, String severity, Double score) {
		String type = label(attackType);
		String level = label(severity);
		this.attacksBlocked.get(type, level).increment();
		this.attacksBlockedTotal.increment();
		if (score != null && validScore(score)) {
			this.attackScores.get(type).record(score);
		}
		event(SecurityEvent.MALICIOUS_ATTACK_BLOCKED, "attack_type", type, "severity", level);
	}

	/**
	 * Record a blocked attack without a score (the seed's {@code score=None}).
	 * @param attackType the attack type
	 * @param severity the severity
	 */
	public void recordAttackBlocked(String attackType, String severity) {
		recordAttackBlocked(attackType, severity, null);
	}

	/**
	 * Record a detected threat: {@code security_threats_detected_total{threat_type,source}}
	 * and, with a score, {@code security_threat_score_distribution{score_type}} (the score
	 * type is the threat type).
	 * @param threatType the threat type, for example {@code bot}
	 * @param source the detecting component, for example {@code escalation_engine}
	 * @param score the threat score (0..1), or {@code null}
	 */
	public void recordThreatDetected(String threatType, String source, Double score) {
		String type = label(threatType);
		String from = label(source);
		this.threatsDetected.get(type, from).increment();
		this.threatsDetectedTotal.increment();
		if (score != null && validScore(score)) {
			this.threatScores.get(type).record(score);
		}
		event(SecurityEvent.MALICIOUS_THREAT_DETECTED, "threat_type", type, "source", from);
	}

	/**
	 * Record a detected threat without a score (the seed's {@code score=None}).
	 * @param threatType the threat type
	 * @param source the detecting component
	 */
	public void recordThreatDetected(String threatType, String source) {
		recordThreatDetected(threatType, source, null);
	}

	/**
	 * Record an authentication failure:
	 * {@code security_auth_failures_total{auth_method,failure_reason}}.
	 * @param authMethod the authentication method, for example {@code password}
	 * @param failureReason the reason, for example {@code bad_credentials}
	 */
	public void recordAuthFailure(String authMethod, String failureReason) {
		this.authFailuresTotal.increment();
		countEvent(this.authFailures, SecurityEvent.AUTHN_LOGIN_FAIL, "auth_method", authMethod, "failure_reason",
				failureReason);
	}

	/**
	 * Record a successful authentication:
	 * {@code security_auth_successes_total{auth_method}}. Not in the seed: with
	 * {@link SecurityMetricsCollector#recordAuthFailure} it gives the attempts (failures + successes) that the
	 * authentication failure rate divides by.
	 * @param authMethod the authentication method, for example {@code password}
	 */
	public void recordAuthSuccess(String authMethod) {
		this.authSuccesses.get(label(authMethod)).increment();
		this.authSuccessesTotal.increment();
	}

	/**
	 * Record a granted authorization check:
	 * {@code security_authz_grants_total{resource,action}}. Not in the seed: with
	 * {@link SecurityMetricsCollector#recordAuthzDenial} it gives the checks (denials + grants) that the
	 * authorization denial rate divides by.
	 * @param resource the resource, for example a route template
	 * @param action the action, for example {@code GET}
	 */
	public void recordAuthzGrant(String resource, String action) {
		this.authzGrants.get(label(resource), label(action)).increment();
		this.authzGrantsTotal.increment();
	}

	/**
	 * Record an authorization denial: {@code security_authz_denials_total{resource,action}}.
	 * @param resource the resource, for example a route template
	 * @param action the action, for example {@code GET}
	 */
	public void recordAuthzDenial(String resource, String action) {
		this.authzDenialsTotal.increment();
		countEvent(this.authzDenials, SecurityEvent.AUTHZ_FAIL, "resource", resource, "action", action);
	}

	/**
	 * Record a rate-limit violation:
	 * {@code security_rate_limit_violations_total{endpoint,limit_type}}.
	 * @param endpoint the endpoint (a route template, never a raw path)
	 * @param limitType the limit, for example {@code per_client}
	 */
	public void recordRateLimitViolation(String endpoint, String limitType) {
		countEvent(this.rateLimitViolations, SecurityEvent.EXCESS_RATE_LIMIT_EXCEEDED, "endpoint", endpoint,
				"limit_type", limitType);
	}

	/**
	 * Record a CAPTCHA result: {@code security_captcha_successes_total{captcha_type}} or
	 * {@code security_captcha_failures_total{captcha_type,failure_reason}}.
	 * @param captchaType the CAPTCHA type
	 * @param success whether it was solved
	 * @param failureReason why it failed, or {@code null} ({@value SecurityMetricsCollector#UNKNOWN}); ignored on
	 * success
	 */
	public void recordCaptchaResult(String captchaType, boolean success, String failureReason) {
		String type = label(captchaType);
		if (success) {
			this.captchaSuccesses.get(type).increment();
		}
		else {
			String reason = optionalLabel(failureReason);
			this.captchaFailures.get(type, reason).increment();
			event(SecurityEvent.AUTHN_CAPTCHA_FAIL, "captcha_type", type, "failure_reason", reason);
		}
	}

	/**
	 * Record a CAPTCHA result without a failure reason ({@value SecurityMetricsCollector#UNKNOWN} on failure).
	 * @param captchaType the CAPTCHA type
	 * @param success whether it was solved
	 */
	public void recordCaptchaResult(String captchaType, boolean success) {
		recordCaptchaResult(captchaType, success, null);
	}

	/**
	 * Record a honeypot hit: {@code security_honeypot_hits_total{honeypot_type,ip_reputation}}.
	 * @param honeypotType the honeypot, for example {@code wp_admin}
	 * @param ipReputation the reputation of the client address, for example {@code unknown}
	 */
	public void recordHoneypotHit(String honeypotType, String ipReputation) {
		countEvent(this.honeypotHits, SecurityEvent.MALICIOUS_HONEYPOT_HIT, "honeypot_type", honeypotType,
				"ip_reputation", ipReputation);
	}

	/**
	 * Record a honeypot hit from an address of unknown reputation (the seed's default
	 * {@code ip_reputation="unknown"}).
	 * @param honeypotType the honeypot
	 */
	public void recordHoneypotHit(String honeypotType) {
		recordHoneypotHit(honeypotType, SecurityMetricsCollector.UNKNOWN_REPUTATION);
	}

	/**
	 * Record an audit event: {@code security_audit_events_total{event_category,severity}}.
	 * @param eventCategory the category, for example {@code login}
	 * @param severity the severity
	 */
	public void recordAuditEvent(String eventCategory, String severity) {
		countEvent(this.auditEvents, SecurityEvent.AUDIT_EVENT, "event_category", eventCategory, "severity", severity);
	}

	/**
	 * Record a compliance violation:
	 * {@code security_compliance_violations_total{policy_type,severity}}.
	 * @param policyType the policy, for example {@code data_retention}
	 * @param severity the severity
	 */
	public void recordComplianceViolation(String policyType, String severity) {
		countEvent(this.complianceViolations, SecurityEvent.COMPLIANCE_VIOLATION, "policy_type", policyType, "severity",
				severity);
	}

	/**
	 * Record a suspicious pattern: {@code security_suspicious_patterns_total{pattern_type}}.
	 * @param patternType the pattern, for example {@code path_traversal}
	 */
	public void recordSuspiciousPattern(String patternType) {
		countEvent(this.suspiciousPatterns, SecurityEvent.MALICIOUS_SUSPICIOUS_PATTERN, "pattern_type", patternType);
	}

	/**
	 * Record an IP block: {@code security_ip_blocks_total{block_reason,duration}}.
	 * @param blockReason why, for example {@code honeypot}
	 * @param duration the block duration as a label, for example {@code 1h}
	 */
	public void recordIpBlock(String blockReason, String duration) {
		countEvent(this.ipBlocks, SecurityEvent.MALICIOUS_IP_BLOCKED, "block_reason", blockReason, "duration", duration);
	}

	/**
	 * Record a permanent IP block (the seed's default {@code duration="permanent"}).
	 * @param blockReason why
	 */
	public void recordIpBlock(String blockReason) {
		recordIpBlock(blockReason, SecurityMetricsCollector.PERMANENT);
	}

}
