package dev.aisd.observability.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import dev.aisd.observability.metrics.LabelValueLimiter;
import dev.aisd.observability.security.internal.GaugeValue;
import dev.aisd.observability.security.internal.KpiCalculator;
import dev.aisd.observability.security.internal.LabeledMeters;
import dev.aisd.observability.security.internal.LabeledMeters2;
import dev.aisd.observability.security.internal.RejectedInputs;
import dev.aisd.observability.security.internal.RejectedInputs.Reason;
import dev.aisd.observability.security.internal.RollingMean;
import dev.aisd.observability.security.internal.RollingMeanTimes;
import dev.aisd.observability.security.internal.ScorecardCalculator;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Records the security events of the catalogue ({@link SecurityMetricNames}) into a
 * Micrometer {@link MeterRegistry}, and computes KPIs and a scorecard: the JVM
 * counterpart of the seed's security metrics collector.
 * <p>
 * <b>Thread-safe.</b> Meters are created on the first use of a label combination and
 * cached, so a later call with the same labels does no registry lookup and allocates
 * nothing. Gauges are backed by value holders registered once.
 * <p>
 * <b>Bounded.</b> Every caller-supplied label value passes through a
 * {@link LabelValueLimiter}: past {@link Options#maxLabelValues()} distinct values per
 * label (and for values longer than {@value LabelValueLimiter#MAX_VALUE_LENGTH}
 * characters), values fold into {@code other} and
 * {@code observability_label_values_folded_total{metric,label}} counts the folds.
 * <p>
 * <b>Invalid input never throws.</b> Recording must never break the request that
 * records, so every {@code record*} and {@code update*} method accepts anything, keeps
 * what is valid and counts what is not in
 * {@code security_metrics_rejected_inputs_total{reason}}:
 * <ul>
 * <li>{@code missing_label}: a required label value is {@code null} or empty; the event
 * is recorded with the value {@value #UNKNOWN}.</li>
 * <li>{@code invalid_score}: a score is {@code NaN}, infinite or outside 0..1; the event
 * is recorded without its score (for {@link #recordRiskScore} nothing is recorded).</li>
 * <li>{@code invalid_duration}: a time is {@code NaN}, infinite or negative; that time is
 * dropped.</li>
 * <li>{@code not_finite}: a gauge value is {@code NaN} or infinite; the gauge keeps its
 * previous value.</li>
 * <li>{@code out_of_range}: a gauge value is outside its documented range (threat level
 * 0..5, scores and percentages 0..100, counts &gt;= 0); it is clamped into the range.</li>
 * </ul>
 * <p>
 * <b>One collector per registry.</b> Gauges are bound to the holders of the collector
 * that registered them first; a second collector on the same registry shares the
 * counters but its gauge updates would not show. In Spring the collector is a single
 * bean; elsewhere use {@link SecurityMetrics#getSecurityMetricsCollector()}.
 *
 * @since 0.1.0
 */
public final class SecurityMetricsCollector {

	/** Label value recorded for a missing (null or empty) label value. */
	public static final String UNKNOWN = "unknown";

	/**
	 * Newest recorded detection, response and mitigation times kept for the seed-style
	 * means ({@link #updateMeanTimes(String)}): the seed keeps 1,000 of each.
	 */
	public static final int RECORDED_TIMES_HISTORY = 1000;

	/** Incident type of {@link #updateMeanTimes()}, the seed's default. */
	public static final String ALL_INCIDENTS = "all";

	/** IP reputation of {@link #recordHoneypotHit(String)}, the seed's default. */
	public static final String UNKNOWN_REPUTATION = "unknown";

	/** Block duration of {@link #recordIpBlock(String)}, the seed's default. */
	public static final String PERMANENT = "permanent";

	/** Upper bucket boundaries of the score histograms (scores are 0..1). */
	static final double[] SCORE_BUCKETS = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 };

	/** Upper bucket boundaries of the time histograms, in seconds. */
	static final double[] TIME_BUCKETS = { 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600 };

	private final MeterRegistry registry;

	private final Options options;

	private final RejectedInputs rejected;

	// Event families.

	private final LabeledMeters2<Counter> attacksBlocked;

	private final LabeledMeters2<Counter> threatsDetected;

	private final LabeledMeters<DistributionSummary> threatScores;

	private final LabeledMeters<DistributionSummary> attackScores;

	private final LabeledMeters<DistributionSummary> riskScores;

	private final LabeledMeters<DistributionSummary> anomalyScores;

	private final LabeledMeters2<Counter> authFailures;

	private final LabeledMeters2<Counter> authzDenials;

	private final LabeledMeters<Counter> authSuccesses;

	private final LabeledMeters2<Counter> authzGrants;

	private final LabeledMeters2<Counter> rateLimitViolations;

	private final LabeledMeters<Counter> captchaSuccesses;

	private final LabeledMeters2<Counter> captchaFailures;

	private final LabeledMeters2<Counter> honeypotHits;

	private final LabeledMeters<Counter> suspiciousPatterns;

	private final LabeledMeters2<Counter> incidentEscalations;

	private final LabeledMeters2<Counter> ipBlocks;

	private final LabeledMeters2<Counter> wafRulesTriggered;

	private final LabeledMeters2<Counter> intrusionAttempts;

	private final LabeledMeters<Counter> exfiltrationAttempts;

	private final LabeledMeters<DistributionSummary> detectionLatency;

	private final LabeledMeters<DistributionSummary> responseTime;

	private final LabeledMeters<DistributionSummary> mitigationTime;

	private final LabeledMeters<Counter> truePositives;

	private final LabeledMeters<Counter> falsePositives;

	private final LabeledMeters2<Counter> anomaliesDetected;

	private final LabeledMeters2<Counter> auditEvents;

	private final LabeledMeters2<Counter> complianceViolations;

	private final LabeledMeters<Counter> policyUpdates;

	// Gauge families.

	private final GaugeValue threatLevel = new GaugeValue();

	private final GaugeValue responseReadiness = new GaugeValue();

	private final GaugeValue quarantinedRequests = new GaugeValue();

	private final LabeledMeters<GaugeValue> activeThreats;

	private final LabeledMeters<GaugeValue> blockedIps;

	private final LabeledMeters<GaugeValue> activeSessions;

	private final LabeledMeters<GaugeValue> complianceScores;

	private final LabeledMeters<GaugeValue> vulnerabilityCounts;

	private final LabeledMeters<GaugeValue> detectionCoverage;

	private final LabeledMeters<GaugeValue> truePositiveRates;

	private final LabeledMeters<GaugeValue> falsePositiveRates;

	private final LabeledMeters<GaugeValue> pendingAlerts;

	private final LabeledMeters<RollingMeanTimes> meanTimes;

	private final LabelValueLimiter policyTypes;

	// Guarded by itself (updates are rare): the info gauge of each policy type's version.
	private final Map<String, Meter> policyVersionInfo = new HashMap<>();

	// Totals kept beside the meters so currentKpis() works whatever the registry does
	// (a deny filter, a no-op composite).

	private final LongAdder threatsDetectedTotal = new LongAdder();

	private final LongAdder attacksBlockedTotal = new LongAdder();

	private final LongAdder truePositivesTotal = new LongAdder();

	private final LongAdder falsePositivesTotal = new LongAdder();

	private final LongAdder incidentsTotal = new LongAdder();

	private final LongAdder escalationsTotal = new LongAdder();

	private final LongAdder authFailuresTotal = new LongAdder();

	private final LongAdder authSuccessesTotal = new LongAdder();

	private final LongAdder authzDenialsTotal = new LongAdder();

	private final LongAdder authzGrantsTotal = new LongAdder();

	// The seed-style windows of recorded times, whatever the label of each time.

	private final RollingMean recordedDetectionTimes;

	private final RollingMean recordedResponseTimes;

	private final RollingMean recordedMitigationTimes;

	/**
	 * Create a collector with {@link Options#defaults()}.
	 * @param registry the registry to record into
	 */
	public SecurityMetricsCollector(MeterRegistry registry) {
		this(registry, Options.defaults());
	}

	/**
	 * Create a collector.
	 * @param registry the registry to record into
	 * @param options the options
	 */
	public SecurityMetricsCollector(MeterRegistry registry, Options options) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
		int max = options.maxLabelValues();
		this.rejected = new RejectedInputs(registry);
		this.attacksBlocked = counters2(SecurityMetricNames.ATTACKS_BLOCKED, "Attacks blocked", "attack_type",
				"severity");
		this.threatsDetected = counters2(SecurityMetricNames.THREATS_DETECTED, "Threats detected", "threat_type",
				"source");
		this.threatScores = scores(SecurityMetricNames.THREAT_SCORE_DISTRIBUTION, "Threat scores (0..1)",
				"score_type");
		this.attackScores = scores(SecurityMetricNames.ATTACK_SCORE_DISTRIBUTION,
				"Attack probability scores (0..1) of blocked attacks", "attack_type");
		this.riskScores = scores(SecurityMetricNames.RISK_SCORE_DISTRIBUTION, "Risk assessment scores (0..1)",
				"risk_category");
		this.anomalyScores = scores(SecurityMetricNames.ANOMALY_SCORE_DISTRIBUTION, "Anomaly scores (0..1)",
				"detector_type");
		this.authFailures = counters2(SecurityMetricNames.AUTH_FAILURES, "Authentication failures", "auth_method",
				"failure_reason");
		this.authzDenials = counters2(SecurityMetricNames.AUTHZ_DENIALS, "Authorization denials", "resource",
				"action");
		this.authSuccesses = counters(SecurityMetricNames.AUTH_SUCCESSES, "Successful authentications",
				"auth_method");
		this.authzGrants = counters2(SecurityMetricNames.AUTHZ_GRANTS, "Authorization checks granted", "resource",
				"action");
		this.rateLimitViolations = counters2(SecurityMetricNames.RATE_LIMIT_VIOLATIONS, "Rate-limit violations",
				"endpoint", "limit_type");
		this.captchaSuccesses = counters(SecurityMetricNames.CAPTCHA_SUCCESSES, "CAPTCHAs solved", "captcha_type");
		this.captchaFailures = counters2(SecurityMetricNames.CAPTCHA_FAILURES, "CAPTCHAs failed", "captcha_type",
				"failure_reason");
		this.honeypotHits = counters2(SecurityMetricNames.HONEYPOT_HITS, "Honeypot trap activations",
				"honeypot_type", "ip_reputation");
		this.suspiciousPatterns = counters(SecurityMetricNames.SUSPICIOUS_PATTERNS, "Suspicious activity patterns",
				"pattern_type");
		this.incidentEscalations = counters2(SecurityMetricNames.INCIDENT_ESCALATIONS, "Escalated security incidents",
				"severity", "escalation_level");
		this.ipBlocks = counters2(SecurityMetricNames.IP_BLOCKS, "IP addresses blocked", "block_reason", "duration");
		this.wafRulesTriggered = counters2(SecurityMetricNames.WAF_RULES_TRIGGERED, "WAF rule triggers", "rule_id",
				"severity");
		this.intrusionAttempts = counters2(SecurityMetricNames.INTRUSION_ATTEMPTS, "Intrusion attempts detected",
				"attack_vector", "severity");
		this.exfiltrationAttempts = counters(SecurityMetricNames.DATA_EXFILTRATION_ATTEMPTS,
				"Data exfiltration attempts detected", "detection_method");
		this.detectionLatency = timers(SecurityMetricNames.DETECTION_LATENCY_SECONDS,
				"Time from a security event to its detection", "detection_method");
		this.responseTime = timers(SecurityMetricNames.RESPONSE_TIME_SECONDS, "Time to respond to security events",
				"event_type");
		this.mitigationTime = timers(SecurityMetricNames.MITIGATION_TIME_SECONDS, "Time to mitigate threats",
				"threat_type");
		this.truePositives = counters(SecurityMetricNames.TRUE_POSITIVES, "Detections confirmed as real threats",
				"detection_type");
		this.falsePositives = counters(SecurityMetricNames.FALSE_POSITIVES, "Detections found not to be threats",
				"detection_type");
		this.anomaliesDetected = counters2(SecurityMetricNames.ANOMALIES_DETECTED, "Anomalies detected",
				"anomaly_type", "confidence");
		this.auditEvents = counters2(SecurityMetricNames.AUDIT_EVENTS, "Security audit events", "event_category",
				"severity");
		this.complianceViolations = counters2(SecurityMetricNames.COMPLIANCE_VIOLATIONS, "Compliance violations",
				"policy_type", "severity");
		this.policyUpdates = counters(SecurityMetricNames.POLICY_UPDATES, "Security policy updates", "policy_type");

		gauge(SecurityMetricNames.THREAT_LEVEL_CURRENT, "Overall threat level (0-5)", this.threatLevel, Tags.empty());
		gauge(SecurityMetricNames.RESPONSE_READINESS_SCORE, "Incident response readiness (0-100)",
				this.responseReadiness, Tags.empty());
		gauge(SecurityMetricNames.QUARANTINED_REQUESTS_CURRENT, "Requests currently quarantined",
				this.quarantinedRequests, Tags.empty());
		this.activeThreats = gauges(SecurityMetricNames.ACTIVE_THREATS_CURRENT, "Active threats", "threat_type");
		this.blockedIps = gauges(SecurityMetricNames.BLOCKED_IPS_CURRENT, "IP addresses currently blocked",
				"block_reason");
		this.activeSessions = gauges(SecurityMetricNames.ACTIVE_SESSIONS, "Active authenticated sessions",
				"auth_method");
		this.complianceScores = gauges(SecurityMetricNames.COMPLIANCE_SCORE_CURRENT, "Compliance score (0-100)",
				"compliance_standard");
		this.vulnerabilityCounts = gauges(SecurityMetricNames.VULNERABILITY_COUNT_CURRENT, "Known vulnerabilities",
				"severity");
		this.detectionCoverage = gauges(SecurityMetricNames.DETECTION_COVERAGE_PERCENT,
				"Detection coverage of attack vectors (0-100 %)", "coverage_category");
		this.truePositiveRates = gauges(SecurityMetricNames.TRUE_POSITIVE_RATE_PERCENT,
				"True-positive rate (recall) of a detector (0-100 %)", "detection_type");
		this.falsePositiveRates = gauges(SecurityMetricNames.FALSE_POSITIVE_RATE_PERCENT,
				"False-positive rate of a detector (0-100 %)", "detection_type");
		this.pendingAlerts = gauges(SecurityMetricNames.ALERTS_PENDING_CURRENT, "Security alerts pending",
				"severity");
		this.meanTimes = new LabeledMeters<>(registry, SecurityMetricNames.MEAN_TIME_TO_DETECT_SECONDS,
				"incident_type", max, this::registerMeanTimes);
		this.policyTypes = new LabelValueLimiter(registry, SecurityMetricNames.POLICY_VERSION_INFO, "policy_type",
				max);
		long maxAge = options.rollingWindowDuration().toNanos();
		this.recordedDetectionTimes = new RollingMean(options.clock(), RECORDED_TIMES_HISTORY, maxAge);
		this.recordedResponseTimes = new RollingMean(options.clock(), RECORDED_TIMES_HISTORY, maxAge);
		this.recordedMitigationTimes = new RollingMean(options.clock(), RECORDED_TIMES_HISTORY, maxAge);
	}

	/**
	 * Return the registry this collector records into.
	 * @return the registry
	 */
	public MeterRegistry registry() {
		return this.registry;
	}

	/**
	 * Return the options of this collector.
	 * @return the options
	 */
	public Options options() {
		return this.options;
	}

	// ---------------------------------------------------------------- events

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
		String method = label(authMethod);
		String reason = label(failureReason);
		this.authFailures.get(method, reason).increment();
		this.authFailuresTotal.increment();
		event(SecurityEvent.AUTHN_LOGIN_FAIL, "auth_method", method, "failure_reason", reason);
	}

	/**
	 * Record a successful authentication:
	 * {@code security_auth_successes_total{auth_method}}. Not in the seed: with
	 * {@link #recordAuthFailure} it gives the attempts (failures + successes) that the
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
	 * {@link #recordAuthzDenial} it gives the checks (denials + grants) that the
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
		String res = label(resource);
		String act = label(action);
		this.authzDenials.get(res, act).increment();
		this.authzDenialsTotal.increment();
		event(SecurityEvent.AUTHZ_FAIL, "resource", res, "action", act);
	}

	/**
	 * Record a rate-limit violation:
	 * {@code security_rate_limit_violations_total{endpoint,limit_type}}.
	 * @param endpoint the endpoint (a route template, never a raw path)
	 * @param limitType the limit, for example {@code per_client}
	 */
	public void recordRateLimitViolation(String endpoint, String limitType) {
		String point = label(endpoint);
		String limit = label(limitType);
		this.rateLimitViolations.get(point, limit).increment();
		event(SecurityEvent.EXCESS_RATE_LIMIT_EXCEEDED, "endpoint", point, "limit_type", limit);
	}

	/**
	 * Record a CAPTCHA result: {@code security_captcha_successes_total{captcha_type}} or
	 * {@code security_captcha_failures_total{captcha_type,failure_reason}}.
	 * @param captchaType the CAPTCHA type
	 * @param success whether it was solved
	 * @param failureReason why it failed, or {@code null} ({@value #UNKNOWN}); ignored on
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
	 * Record a CAPTCHA result without a failure reason ({@value #UNKNOWN} on failure).
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
		String type = label(honeypotType);
		String reputation = label(ipReputation);
		this.honeypotHits.get(type, reputation).increment();
		event(SecurityEvent.MALICIOUS_HONEYPOT_HIT, "honeypot_type", type, "ip_reputation", reputation);
	}

	/**
	 * Record a honeypot hit from an address of unknown reputation (the seed's default
	 * {@code ip_reputation="unknown"}).
	 * @param honeypotType the honeypot
	 */
	public void recordHoneypotHit(String honeypotType) {
		recordHoneypotHit(honeypotType, UNKNOWN_REPUTATION);
	}

	/**
	 * Record an audit event: {@code security_audit_events_total{event_category,severity}}.
	 * @param eventCategory the category, for example {@code login}
	 * @param severity the severity
	 */
	public void recordAuditEvent(String eventCategory, String severity) {
		String category = label(eventCategory);
		String level = label(severity);
		this.auditEvents.get(category, level).increment();
		event(SecurityEvent.AUDIT_EVENT, "event_category", category, "severity", level);
	}

	/**
	 * Record a compliance violation:
	 * {@code security_compliance_violations_total{policy_type,severity}}.
	 * @param policyType the policy, for example {@code data_retention}
	 * @param severity the severity
	 */
	public void recordComplianceViolation(String policyType, String severity) {
		String policy = label(policyType);
		String level = label(severity);
		this.complianceViolations.get(policy, level).increment();
		event(SecurityEvent.COMPLIANCE_VIOLATION, "policy_type", policy, "severity", level);
	}

	/**
	 * Record a suspicious pattern: {@code security_suspicious_patterns_total{pattern_type}}.
	 * @param patternType the pattern, for example {@code path_traversal}
	 */
	public void recordSuspiciousPattern(String patternType) {
		String pattern = label(patternType);
		this.suspiciousPatterns.get(pattern).increment();
		event(SecurityEvent.MALICIOUS_SUSPICIOUS_PATTERN, "pattern_type", pattern, null, null);
	}

	/**
	 * Record an IP block: {@code security_ip_blocks_total{block_reason,duration}}.
	 * @param blockReason why, for example {@code honeypot}
	 * @param duration the block duration as a label, for example {@code 1h}
	 */
	public void recordIpBlock(String blockReason, String duration) {
		String reason = label(blockReason);
		String length = label(duration);
		this.ipBlocks.get(reason, length).increment();
		event(SecurityEvent.MALICIOUS_IP_BLOCKED, "block_reason", reason, "duration", length);
	}

	/**
	 * Record a permanent IP block (the seed's default {@code duration="permanent"}).
	 * @param blockReason why
	 */
	public void recordIpBlock(String blockReason) {
		recordIpBlock(blockReason, PERMANENT);
	}

	/**
	 * Record a WAF rule trigger: {@code security_waf_rules_triggered_total{rule_id,severity}}.
	 * @param ruleId the rule, for example {@code 942100}
	 * @param severity the severity
	 */
	public void recordWafRuleTrigger(String ruleId, String severity) {
		String rule = label(ruleId);
		String level = label(severity);
		this.wafRulesTriggered.get(rule, level).increment();
		event(SecurityEvent.MALICIOUS_WAF_RULE, "rule_id", rule, "severity", level);
	}

	/**
	 * Record an intrusion attempt:
	 * {@code security_intrusion_attempts_total{attack_vector,severity}}.
	 * @param attackVector the vector, for example {@code ssh}
	 * @param severity the severity
	 */
	public void recordIntrusionAttempt(String attackVector, String severity) {
		String vector = label(attackVector);
		String level = label(severity);
		this.intrusionAttempts.get(vector, level).increment();
		event(SecurityEvent.MALICIOUS_INTRUSION_ATTEMPT, "attack_vector", vector, "severity", level);
	}

	/**
	 * Record a data exfiltration attempt:
	 * {@code security_data_exfiltration_attempts_total{detection_method}}.
	 * @param detectionMethod how it was detected, for example {@code dlp}
	 */
	public void recordExfiltrationAttempt(String detectionMethod) {
		String method = label(detectionMethod);
		this.exfiltrationAttempts.get(method).increment();
		event(SecurityEvent.MALICIOUS_DATA_EXFILTRATION, "detection_method", method, null, null);
	}

	/**
	 * Record an anomaly: {@code security_anomalies_detected_total{anomaly_type,confidence}}
	 * and, with a score, {@code security_anomaly_score_distribution{detector_type}}.
	 * @param anomalyType the anomaly type
	 * @param confidence the confidence band, for example {@code high}
	 * @param detectorType the detector; required only with a score
	 * @param score the anomaly score (0..1), or {@code null}
	 */
	public void recordAnomaly(String anomalyType, String confidence, String detectorType, Double score) {
		String type = label(anomalyType);
		String band = label(confidence);
		this.anomaliesDetected.get(type, band).increment();
		if (score != null && validScore(score)) {
			this.anomalyScores.get(label(detectorType)).record(score);
		}
		event(SecurityEvent.MALICIOUS_ANOMALY, "anomaly_type", type, "confidence", band);
	}

	/**
	 * Record an anomaly as the seed does: the score, if any, goes to
	 * {@code security_anomaly_score_distribution} with the anomaly type as detector type.
	 * @param anomalyType the anomaly type (also the detector type of the score)
	 * @param confidence the confidence band
	 * @param score the anomaly score (0..1), or {@code null}
	 */
	public void recordAnomaly(String anomalyType, String confidence, Double score) {
		recordAnomaly(anomalyType, confidence, anomalyType, score);
	}

	/**
	 * Record an anomaly without a score.
	 * @param anomalyType the anomaly type
	 * @param confidence the confidence band
	 */
	public void recordAnomaly(String anomalyType, String confidence) {
		recordAnomaly(anomalyType, confidence, anomalyType, null);
	}

	/**
	 * Record the verdict on a detection: {@code security_true_positives_total} or
	 * {@code security_false_positives_total}, by {@code detection_type}.
	 * @param detectionType the detection type
	 * @param truePositive whether the detection was a real threat
	 */
	public void recordDetectionResult(String detectionType, boolean truePositive) {
		String type = label(detectionType);
		if (truePositive) {
			this.truePositives.get(type).increment();
			this.truePositivesTotal.increment();
		}
		else {
			this.falsePositives.get(type).increment();
			this.falsePositivesTotal.increment();
		}
	}

	/**
	 * Record an incident escalation:
	 * {@code security_incident_escalations_total{severity,escalation_level}}.
	 * @param severity the severity
	 * @param escalationLevel the level escalated to, for example {@code tier2}
	 */
	public void recordIncidentEscalation(String severity, String escalationLevel) {
		String level = label(severity);
		String tier = label(escalationLevel);
		this.incidentEscalations.get(level, tier).increment();
		this.escalationsTotal.increment();
		event(SecurityEvent.INCIDENT_ESCALATED, "severity", level, "escalation_level", tier);
	}

	/**
	 * Record a policy update: {@code security_policy_updates_total{policy_type}}, and make
	 * {@code version} the active version ({@link #updatePolicyVersion}).
	 * @param policyType the policy
	 * @param version the new version, or {@code null} to leave the active version as is
	 */
	public void recordPolicyUpdate(String policyType, String version) {
		String type = label(policyType);
		this.policyUpdates.get(type).increment();
		if (version != null && !version.isEmpty()) {
			updatePolicyVersion(type, version);
		}
		event(SecurityEvent.SYS_POLICY_UPDATE, "policy_type", type, null, null);
	}

	/**
	 * Record a policy update without changing the active version (the seed's call).
	 * @param policyType the policy
	 */
	public void recordPolicyUpdate(String policyType) {
		recordPolicyUpdate(policyType, null);
	}

	/**
	 * Record a detection latency: {@code security_detection_latency_seconds{detection_method}}.
	 * @param detectionMethod the detection method
	 * @param seconds the latency, &gt;= 0
	 */
	public void recordDetectionTime(String detectionMethod, double seconds) {
		String method = label(detectionMethod);
		if (validDuration(seconds)) {
			this.detectionLatency.get(method).record(seconds);
			this.recordedDetectionTimes.add(seconds);
		}
	}

	/**
	 * Record a response time: {@code security_response_time_seconds{event_type}}.
	 * @param eventType the event type
	 * @param seconds the response time, &gt;= 0
	 */
	public void recordResponseTime(String eventType, double seconds) {
		String type = label(eventType);
		if (validDuration(seconds)) {
			this.responseTime.get(type).record(seconds);
			this.recordedResponseTimes.add(seconds);
		}
	}

	/**
	 * Record a mitigation time: {@code security_mitigation_time_seconds{threat_type}}.
	 * @param threatType the threat type
	 * @param seconds the mitigation time, &gt;= 0
	 */
	public void recordMitigationTime(String threatType, double seconds) {
		String type = label(threatType);
		if (validDuration(seconds)) {
			this.mitigationTime.get(type).record(seconds);
			this.recordedMitigationTimes.add(seconds);
		}
	}

	/**
	 * Record a detection latency.
	 * @param detectionMethod the detection method
	 * @param duration the latency, not negative
	 * @see #recordDetectionTime(String, double)
	 */
	public void recordDetectionTime(String detectionMethod, Duration duration) {
		recordDetectionTime(detectionMethod, seconds(duration));
	}

	/**
	 * Record a response time.
	 * @param eventType the event type
	 * @param duration the response time, not negative
	 * @see #recordResponseTime(String, double)
	 */
	public void recordResponseTime(String eventType, Duration duration) {
		recordResponseTime(eventType, seconds(duration));
	}

	/**
	 * Record a mitigation time.
	 * @param threatType the threat type
	 * @param duration the mitigation time, not negative
	 * @see #recordMitigationTime(String, double)
	 */
	public void recordMitigationTime(String threatType, Duration duration) {
		recordMitigationTime(threatType, seconds(duration));
	}

	/**
	 * Record a risk score: {@code security_risk_score_distribution{risk_category}}.
	 * @param riskCategory the risk category
	 * @param score the score (0..1)
	 */
	public void recordRiskScore(String riskCategory, double score) {
		String category = label(riskCategory);
		if (validScore(score)) {
			this.riskScores.get(category).record(score);
		}
	}

	/**
	 * Record a handled incident: each known time joins the rolling window of its
	 * incident type, whose means are {@code security_mean_time_to_detect_seconds},
	 * {@code security_mean_time_to_respond_seconds} and
	 * {@code security_mean_time_to_remediate_seconds} by {@code incident_type}.
	 * @param incidentType the incident type
	 * @param timeToDetectSeconds the time to detect, or {@code null}
	 * @param timeToRespondSeconds the time to respond, or {@code null}
	 * @param timeToRemediateSeconds the time to remediate, or {@code null}
	 */
	public void recordIncident(String incidentType, Double timeToDetectSeconds, Double timeToRespondSeconds,
			Double timeToRemediateSeconds) {
		RollingMeanTimes window = this.meanTimes.get(label(incidentType));
		window.add(optionalDuration(timeToDetectSeconds), optionalDuration(timeToRespondSeconds),
				optionalDuration(timeToRemediateSeconds));
		this.incidentsTotal.increment();
	}

	// ---------------------------------------------------------------- gauges

	/**
	 * Set {@code security_threat_level_current}.
	 * @param level the threat level, 0..5 (clamped): 0-2 normal, 3-4 elevated, 5 critical
	 */
	public void updateThreatLevel(int level) {
		this.threatLevel.set(clamp(level, 0, 5));
	}

	/**
	 * Set {@code security_active_threats_current{threat_type}}.
	 * @param threatType the threat type
	 * @param count the number of active threats, &gt;= 0 (clamped)
	 */
	public void updateActiveThreats(String threatType, int count) {
		this.activeThreats.get(label(threatType)).set(clampCount(count));
	}

	/**
	 * Set {@code security_blocked_ips_current{block_reason}}.
	 * @param blockReason the block reason
	 * @param count the number of blocked addresses, &gt;= 0 (clamped)
	 */
	public void updateBlockedIps(String blockReason, int count) {
		this.blockedIps.get(label(blockReason)).set(clampCount(count));
	}

	/**
	 * Set {@code security_active_sessions_current{auth_method}}.
	 * @param authMethod the authentication method
	 * @param count the number of active sessions, &gt;= 0 (clamped)
	 */
	public void updateActiveSessions(String authMethod, int count) {
		this.activeSessions.get(label(authMethod)).set(clampCount(count));
	}

	/**
	 * Set {@code security_quarantined_requests_current}.
	 * @param count the number of quarantined requests, &gt;= 0 (clamped)
	 */
	public void updateQuarantinedRequests(int count) {
		this.quarantinedRequests.set(clampCount(count));
	}

	/**
	 * Make {@code version} the active version of a policy:
	 * {@code security_policy_version_info{policy_type,version} 1}. The series of the
	 * previous version of that policy type is removed, so each policy type has one series
	 * (policy types are bounded like any label; a version longer than
	 * {@value LabelValueLimiter#MAX_VALUE_LENGTH} characters is recorded as {@code other}).
	 * @param policyType the policy
	 * @param version the active version, for example {@code 2.3.1}
	 */
	public void updatePolicyVersion(String policyType, String version) {
		String type = this.policyTypes.limit(label(policyType));
		// One series per policy type bounds the cardinality, so versions need no count
		// limit, only the length limit of every label value.
		String given = label(version);
		String bounded = (given.length() > LabelValueLimiter.MAX_VALUE_LENGTH) ? LabelValueLimiter.OTHER : given;
		synchronized (this.policyVersionInfo) {
			Meter current = this.policyVersionInfo.get(type);
			if (current != null) {
				if (bounded.equals(current.getId().getTag("version"))) {
					return;
				}
				this.registry.remove(current);
			}
			Meter info = Gauge.builder(micrometerName(SecurityMetricNames.POLICY_VERSION_INFO), () -> 1)
				.description("Active security policy version (always 1; the version is a label)")
				.tags("policy_type", type, "version", bounded)
				.register(this.registry);
			this.policyVersionInfo.put(type, info);
		}
	}

	/**
	 * Make a numbered version the active version of a policy (the seed's call):
	 * {@code security_policy_version_info{policy_type,version="42"} 1}. The seed set the
	 * number as the gauge value; here the version stays a label with value 1, like every
	 * {@code _info} series and like {@link #updatePolicyVersion(String, String)}, so the
	 * family has one meaning whichever overload wrote it.
	 * @param policyType the policy
	 * @param version the active version number
	 */
	public void updatePolicyVersion(String policyType, int version) {
		updatePolicyVersion(policyType, Integer.toString(version));
	}

	/**
	 * Set {@code security_compliance_score_current{compliance_standard}}.
	 * @param complianceStandard the standard, for example {@code GDPR}
	 * @param score the score, 0..100 (clamped)
	 */
	public void updateComplianceScore(String complianceStandard, double score) {
		GaugeValue value = this.complianceScores.get(label(complianceStandard));
		setClamped(value, score, 0, 100);
	}

	/**
	 * Set {@code security_vulnerability_count_current{severity}}; the KPIs read the
	 * severities {@code critical}, {@code high}, {@code medium} and {@code low}, ignoring
	 * case.
	 * @param severity the severity
	 * @param count the number of known vulnerabilities, &gt;= 0 (clamped)
	 */
	public void updateVulnerabilityCount(String severity, int count) {
		this.vulnerabilityCounts.get(label(severity)).set(clampCount(count));
	}

	/**
	 * Set {@code security_detection_coverage_percent{coverage_category}}.
	 * @param coverageCategory the category, for example {@code owasp_top10}
	 * @param percent the coverage, 0..100 (clamped)
	 */
	public void updateDetectionCoverage(String coverageCategory, double percent) {
		setClamped(this.detectionCoverage.get(label(coverageCategory)), percent, 0, 100);
	}

	/**
	 * Set {@code security_response_readiness_score}.
	 * @param score the readiness, 0..100 (clamped)
	 */
	public void updateResponseReadiness(double score) {
		setClamped(this.responseReadiness, score, 0, 100);
	}

	/**
	 * Set the mean-time gauges of an incident type directly, for callers that compute
	 * their own means; a value set here is reported until {@link #recordIncident} next
	 * supplies that time for the incident type (last writer wins).
	 * @param incidentType the incident type
	 * @param mttdSeconds the mean time to detect, or {@code null} to leave it
	 * @param mttrSeconds the mean time to respond, or {@code null} to leave it
	 * @param timeToRemediateSeconds the mean time to remediate, or {@code null} to leave it
	 */
	public void updateMeanTimes(String incidentType, Double mttdSeconds, Double mttrSeconds,
			Double timeToRemediateSeconds) {
		RollingMeanTimes window = this.meanTimes.get(label(incidentType));
		double detect = optionalDuration(mttdSeconds);
		double respond = optionalDuration(mttrSeconds);
		double remediate = optionalDuration(timeToRemediateSeconds);
		if (!Double.isNaN(detect)) {
			window.setDirect(RollingMeanTimes.DETECT, detect);
		}
		if (!Double.isNaN(respond)) {
			window.setDirect(RollingMeanTimes.RESPOND, respond);
		}
		if (!Double.isNaN(remediate)) {
			window.setDirect(RollingMeanTimes.REMEDIATE, remediate);
		}
	}

	/**
	 * Set the mean-time gauges of incident type {@value #ALL_INCIDENTS} from the times
	 * recorded so far (the seed's {@code update_mean_times()}).
	 * @see #updateMeanTimes(String)
	 */
	public void updateMeanTimes() {
		updateMeanTimes(ALL_INCIDENTS);
	}

	/**
	 * Set the three mean-time gauges of an incident type from the times recorded so far
	 * (the seed's {@code update_mean_times(incident_type)}): MTTD is the mean of the
	 * newest {@value #RECORDED_TIMES_HISTORY} {@link #recordDetectionTime detection
	 * times} (at most {@link Options#rollingWindowDuration()} old, whatever their
	 * detection method), MTTR that of the {@link #recordResponseTime response times},
	 * time to remediate that of the {@link #recordMitigationTime mitigation times}. A
	 * gauge whose series has no time is left as it is. The values are a snapshot, as in
	 * the seed; they stay until the next call or the next {@link #recordIncident} of that
	 * incident type.
	 * @param incidentType the incident type
	 */
	public void updateMeanTimes(String incidentType) {
		RollingMeanTimes window = this.meanTimes.get(label(incidentType));
		setIfKnown(window, RollingMeanTimes.DETECT, this.recordedDetectionTimes.mean());
		setIfKnown(window, RollingMeanTimes.RESPOND, this.recordedResponseTimes.mean());
		setIfKnown(window, RollingMeanTimes.REMEDIATE, this.recordedMitigationTimes.mean());
	}

	private static void setIfKnown(RollingMeanTimes window, int index, double mean) {
		if (!Double.isNaN(mean)) {
			window.setDirect(index, mean);
		}
	}

	/**
	 * Return the detection, response and mitigation times the seed-style means are taken
	 * over, oldest first: index 0 detection, 1 response, 2 mitigation.
	 * @return copies of the three series
	 */
	public double[][] recordedTimes() {
		return new double[][] { this.recordedDetectionTimes.samples(), this.recordedResponseTimes.samples(),
				this.recordedMitigationTimes.samples() };
	}

	/**
	 * Set the detection rates of a detection type from counts (the seed's
	 * {@code update_detection_rates}): {@code 100 * TP / (TP + FP)} into
	 * {@code security_true_positive_rate_percent} and {@code 100 * FP / (TP + FP)} into
	 * {@code security_false_positive_rate_percent}. Nothing is set when both counts are 0;
	 * a negative count counts as 0 ({@code out_of_range}). Beware: with {@code int}
	 * arguments this overload is chosen; pass {@code double}s for percentages.
	 * @param detectionType the detection type
	 * @param truePositives detections confirmed as real threats
	 * @param falsePositives detections found not to be threats
	 */
	public void updateDetectionRates(String detectionType, int truePositives, int falsePositives) {
		int tp = clampCount(truePositives);
		int fp = clampCount(falsePositives);
		long total = (long) tp + fp;
		if (total > 0) {
			updateDetectionRates(detectionType, 100.0 * tp / total, 100.0 * fp / total);
		}
	}

	/**
	 * Set {@code security_true_positive_rate_percent{detection_type}} and
	 * {@code security_false_positive_rate_percent{detection_type}}.
	 * @param detectionType the detection type
	 * @param truePositiveRatePercent the true-positive rate (recall), 0..100 (clamped)
	 * @param falsePositiveRatePercent the false-positive rate, 0..100 (clamped)
	 */
	public void updateDetectionRates(String detectionType, double truePositiveRatePercent,
			double falsePositiveRatePercent) {
		String type = label(detectionType);
		setClamped(this.truePositiveRates.get(type), truePositiveRatePercent, 0, 100);
		setClamped(this.falsePositiveRates.get(type), falsePositiveRatePercent, 0, 100);
	}

	/**
	 * Set {@code security_alerts_pending_current{severity}}.
	 * @param severity the severity
	 * @param count the number of pending alerts, &gt;= 0 (clamped)
	 */
	public void updatePendingAlerts(String severity, int count) {
		this.pendingAlerts.get(label(severity)).set(clampCount(count));
	}

	// ---------------------------------------------------------------- KPIs

	/**
	 * Compute KPIs from explicit inputs (the seed's {@code calculate_kpis}).
	 * @param inputs the inputs
	 * @return the KPIs; a KPI whose inputs are absent is {@code null} (insufficient data)
	 */
	public SecurityKpis calculateKpis(KpiInputs inputs) {
		return KpiCalculator.calculate(Objects.requireNonNull(inputs, "inputs must not be null"),
				Instant.ofEpochMilli(this.options.clock().wallTime()));
	}

	/**
	 * Compute KPIs from what this collector has recorded (the seed's
	 * {@code calculate_kpis()} with no arguments); the same as {@link #currentKpis()}.
	 * @return the KPIs
	 */
	public SecurityKpis calculateKpis() {
		return currentKpis();
	}

	/**
	 * Compute the scorecard of the live KPIs (the seed's {@code generate_scorecard()}):
	 * {@code generateScorecard(currentKpis())}.
	 * @return the scorecard
	 */
	public SecurityScorecard generateScorecard() {
		return generateScorecard(currentKpis());
	}

	/**
	 * Compute the scorecard of a set of KPIs.
	 * @param kpis the KPIs
	 * @return the scorecard
	 */
	public SecurityScorecard generateScorecard(SecurityKpis kpis) {
		return ScorecardCalculator.scorecard(Objects.requireNonNull(kpis, "kpis must not be null"));
	}

	/**
	 * Compute KPIs from what this collector has recorded since it was created: counts of
	 * detections, attacks and incidents, and the current gauge values. See
	 * {@code docs/security-metrics.md} for where each input comes from.
	 * @return the KPIs
	 */
	public SecurityKpis currentKpis() {
		return calculateKpis(currentKpiInputs());
	}

	/**
	 * Return the inputs {@link #currentKpis()} computes from, for callers that want to
	 * adjust some before computing.
	 * @return the current inputs
	 */
	public KpiInputs currentKpiInputs() {
		KpiInputs.Builder inputs = KpiInputs.builder();
		long threats = this.threatsDetectedTotal.sum();
		long blocked = this.attacksBlockedTotal.sum();
		long tp = this.truePositivesTotal.sum();
		long fp = this.falsePositivesTotal.sum();
		if (threats > 0 || blocked > 0) {
			inputs.threatsDetected(threats).attacksBlocked(blocked);
		}
		if (tp > 0 || fp > 0) {
			inputs.truePositives(tp).falsePositives(fp);
		}
		long incidents = this.incidentsTotal.sum();
		long escalations = this.escalationsTotal.sum();
		if (incidents > 0) {
			inputs.incidents(incidents);
		}
		if (incidents > 0 || escalations > 0) {
			inputs.escalations(escalations);
		}
		// Incidents (recordIncident, updateMeanTimes) first; without any, the seed's means
		// of the recorded detection, response and mitigation times.
		inputs.mttdSeconds(meanTime(RollingMeanTimes.DETECT, this.recordedDetectionTimes));
		inputs.mttrSeconds(meanTime(RollingMeanTimes.RESPOND, this.recordedResponseTimes));
		inputs.timeToRemediateSeconds(meanTime(RollingMeanTimes.REMEDIATE, this.recordedMitigationTimes));
		// A rate needs a known denominator: without any success (grant) recorded the
		// attempts (checks) are unknown, and failures alone would read as a 100 % rate.
		long authSuccesses = this.authSuccessesTotal.sum();
		if (authSuccesses > 0) {
			long failures = this.authFailuresTotal.sum();
			inputs.authFailures(failures).authAttempts(failures + authSuccesses);
		}
		long authzGrants = this.authzGrantsTotal.sum();
		if (authzGrants > 0) {
			long denials = this.authzDenialsTotal.sum();
			inputs.authzDenials(denials).authzChecks(denials + authzGrants);
		}
		inputs.activeThreats(sumOf(this.activeThreats))
			.blockedIps(sumOf(this.blockedIps))
			.activeSessions(sumOf(this.activeSessions))
			.pendingAlerts(sumOf(this.pendingAlerts));
		this.complianceScores.forEach((standard, value) -> {
			double score = value.get();
			if (!Double.isNaN(score)) {
				inputs.complianceScore(standard, score);
			}
		});
		// Severities are matched ignoring case ("Critical", "CRITICAL"), summing variants.
		Map<String, Integer> vulnerabilities = new HashMap<>();
		this.vulnerabilityCounts.forEach((severity, value) -> {
			if (value.isSet()) {
				vulnerabilities.merge(severity.toLowerCase(Locale.ROOT), (int) value.get(), Integer::sum);
			}
		});
		inputs.criticalVulnerabilities(vulnerabilities.get("critical"))
			.highVulnerabilities(vulnerabilities.get("high"))
			.mediumVulnerabilities(vulnerabilities.get("medium"))
			.lowVulnerabilities(vulnerabilities.get("low"));
		inputs.detectionCoveragePercent(meanOf(this.detectionCoverage));
		inputs.truePositiveRatePercent(meanOf(this.truePositiveRates));
		inputs.falsePositiveRatePercent(meanOf(this.falsePositiveRates));
		if (this.responseReadiness.isSet()) {
			inputs.responseReadinessScore(this.responseReadiness.get());
		}
		if (this.threatLevel.isSet()) {
			inputs.threatLevel((int) this.threatLevel.get());
		}
		return inputs.build();
	}

	// ---------------------------------------------------------------- internals

	private Double meanOfIncidentTypes(int index) {
		double[] sum = new double[1];
		int[] count = new int[1];
		this.meanTimes.forEach((type, window) -> {
			double mean = window.mean(index);
			if (!Double.isNaN(mean)) {
				sum[0] += mean;
				count[0]++;
			}
		});
		return (count[0] > 0) ? sum[0] / count[0] : null;
	}

	private Double meanTime(int index, RollingMean recorded) {
		Double incidents = meanOfIncidentTypes(index);
		if (incidents != null) {
			return incidents;
		}
		double mean = recorded.mean();
		return Double.isNaN(mean) ? null : mean;
	}

	private static Long sumOf(LabeledMeters<GaugeValue> gauges) {
		long[] sum = new long[1];
		boolean[] any = new boolean[1];
		gauges.forEach((label, value) -> {
			if (value.isSet()) {
				sum[0] += (long) value.get();
				any[0] = true;
			}
		});
		return any[0] ? sum[0] : null;
	}

	private static Double meanOf(LabeledMeters<GaugeValue> gauges) {
		double[] sum = new double[1];
		int[] count = new int[1];
		gauges.forEach((label, value) -> {
			double current = value.get();
			if (!Double.isNaN(current)) {
				sum[0] += current;
				count[0]++;
			}
		});
		return (count[0] > 0) ? sum[0] / count[0] : null;
	}

	private void event(String name, String firstKey, String firstValue, String secondKey, String secondValue) {
		// Without a listener (the default outside Spring) an event costs one field read.
		SecurityEventListener listener = this.options.eventListener();
		if (listener != null) {
			try {
				listener.onSecurityEvent(SecurityEvent.of(name, firstKey, firstValue, secondKey, secondValue));
			}
			catch (RuntimeException ex) {
				// Recording must never break the request that records.
				this.rejected.count(Reason.LISTENER_FAILED);
			}
		}
	}

	private String label(String value) {
		if (value == null || value.isEmpty()) {
			this.rejected.count(Reason.MISSING_LABEL);
			return UNKNOWN;
		}
		return value;
	}

	private static String optionalLabel(String value) {
		return (value == null || value.isEmpty()) ? UNKNOWN : value;
	}

	private boolean validScore(double score) {
		if (score >= 0 && score <= 1) {
			return true;
		}
		this.rejected.count(Reason.INVALID_SCORE);
		return false;
	}

	private boolean validDuration(double seconds) {
		if (seconds >= 0 && seconds != Double.POSITIVE_INFINITY) {
			return true;
		}
		this.rejected.count(Reason.INVALID_DURATION);
		return false;
	}

	private double optionalDuration(Double seconds) {
		if (seconds == null) {
			return Double.NaN;
		}
		return validDuration(seconds) ? seconds : Double.NaN;
	}

	private int clamp(int value, int min, int max) {
		if (value < min || value > max) {
			this.rejected.count(Reason.OUT_OF_RANGE);
			return Math.max(min, Math.min(max, value));
		}
		return value;
	}

	private int clampCount(int count) {
		return clamp(count, 0, Integer.MAX_VALUE);
	}

	private void setClamped(GaugeValue gauge, double value, double min, double max) {
		if (!Double.isFinite(value)) {
			this.rejected.count(Reason.NOT_FINITE);
			return;
		}
		if (value < min || value > max) {
			this.rejected.count(Reason.OUT_OF_RANGE);
			value = Math.max(min, Math.min(max, value));
		}
		gauge.set(value);
	}

	private static double seconds(Duration duration) {
		// Not toNanos(): it throws for durations beyond about 292 years.
		return (duration != null) ? duration.getSeconds() + duration.getNano() / 1e9 : Double.NaN;
	}

	/**
	 * Return the Micrometer name that the Prometheus naming convention turns into a
	 * catalogue name.
	 * @param prometheusName the name in {@link SecurityMetricNames}
	 * @return the Micrometer name
	 */
	static String micrometerName(String prometheusName) {
		String name = prometheusName;
		if (name.endsWith("_total")) {
			name = name.substring(0, name.length() - "_total".length());
		}
		return name.replace('_', '.');
	}

	private LabeledMeters2<Counter> counters2(String family, String description, String firstLabel,
			String secondLabel) {
		String name = micrometerName(family);
		return new LabeledMeters2<>(this.registry, family, firstLabel, secondLabel, this.options.maxLabelValues(),
				(first, second) -> Counter.builder(name)
					.description(description)
					.tags(firstLabel, first, secondLabel, second)
					.register(this.registry));
	}

	private LabeledMeters<Counter> counters(String family, String description, String label) {
		String name = micrometerName(family);
		return new LabeledMeters<>(this.registry, family, label, this.options.maxLabelValues(),
				(value) -> Counter.builder(name).description(description).tag(label, value).register(this.registry));
	}

	private LabeledMeters<DistributionSummary> scores(String family, String description, String label) {
		String name = micrometerName(family);
		return new LabeledMeters<>(this.registry, family, label, this.options.maxLabelValues(),
				(value) -> DistributionSummary.builder(name)
					.description(description)
					.tag(label, value)
					.serviceLevelObjectives(SCORE_BUCKETS)
					.register(this.registry));
	}

	private LabeledMeters<DistributionSummary> timers(String family, String description, String label) {
		// A distribution summary in seconds rather than a Timer: the same exposition, without
		// the Timer's conversion to nanoseconds and pause-detector bookkeeping on every
		// record. The base unit supplies the _seconds suffix.
		String name = micrometerName(family.substring(0, family.length() - "_seconds".length()));
		return new LabeledMeters<>(this.registry, family, label, this.options.maxLabelValues(),
				(value) -> DistributionSummary.builder(name)
					.description(description)
					.baseUnit("seconds")
					.tag(label, value)
					.serviceLevelObjectives(TIME_BUCKETS)
					.register(this.registry));
	}

	private LabeledMeters<GaugeValue> gauges(String family, String description, String label) {
		return new LabeledMeters<>(this.registry, family, label, this.options.maxLabelValues(), (value) -> {
			GaugeValue holder = new GaugeValue();
			gauge(family, description, holder, Tags.of(label, value));
			return holder;
		});
	}

	private void gauge(String family, String description, GaugeValue holder, Tags tags) {
		Gauge.builder(micrometerName(family), holder, GaugeValue::get)
			.description(description)
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
	}

	private RollingMeanTimes registerMeanTimes(String incidentType) {
		RollingMeanTimes window = new RollingMeanTimes(this.options.clock(), this.options.rollingWindowSize(),
				this.options.rollingWindowDuration().toNanos());
		Tags tags = Tags.of("incident_type", incidentType);
		Gauge.builder(micrometerName(SecurityMetricNames.MEAN_TIME_TO_DETECT_SECONDS), window,
				RollingMeanTimes::meanTimeToDetect)
			.description("Mean time to detect over the rolling window of incidents")
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
		Gauge.builder(micrometerName(SecurityMetricNames.MEAN_TIME_TO_RESPOND_SECONDS), window,
				RollingMeanTimes::meanTimeToRespond)
			.description("Mean time to respond over the rolling window of incidents")
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
		Gauge.builder(micrometerName(SecurityMetricNames.MEAN_TIME_TO_REMEDIATE_SECONDS), window,
				RollingMeanTimes::meanTimeToRemediate)
			.description("Mean time to remediate over the rolling window of incidents")
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
		return window;
	}

	/**
	 * Options of a {@link SecurityMetricsCollector}. Immutable; change with the
	 * {@code with*} methods.
	 *
	 * @since 0.1.0
	 */
	public static final class Options {

		/** Default distinct values per label before folding into {@code other}. */
		public static final int DEFAULT_MAX_LABEL_VALUES = 100;

		/** Default number of incidents in the rolling mean-time window. */
		public static final int DEFAULT_ROLLING_WINDOW_SIZE = 100;

		/** Default age after which an incident leaves the rolling mean-time window. */
		public static final Duration DEFAULT_ROLLING_WINDOW_DURATION = Duration.ofHours(1);

		private static final Options DEFAULTS = new Options(DEFAULT_MAX_LABEL_VALUES, Clock.SYSTEM,
				DEFAULT_ROLLING_WINDOW_SIZE, DEFAULT_ROLLING_WINDOW_DURATION, null);

		private final int maxLabelValues;

		private final Clock clock;

		private final int rollingWindowSize;

		private final Duration rollingWindowDuration;

		private final SecurityEventListener eventListener;

		private Options(int maxLabelValues, Clock clock, int rollingWindowSize, Duration rollingWindowDuration,
				SecurityEventListener eventListener) {
			if (maxLabelValues < 1) {
				throw new IllegalArgumentException("maxLabelValues must be at least 1 but was " + maxLabelValues);
			}
			if (rollingWindowSize < 1) {
				throw new IllegalArgumentException(
						"rollingWindowSize must be at least 1 but was " + rollingWindowSize);
			}
			Objects.requireNonNull(rollingWindowDuration, "rollingWindowDuration must not be null");
			if (rollingWindowDuration.isNegative() || rollingWindowDuration.isZero()) {
				throw new IllegalArgumentException(
						"rollingWindowDuration must be positive but was " + rollingWindowDuration);
			}
			this.maxLabelValues = maxLabelValues;
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			this.rollingWindowSize = rollingWindowSize;
			this.rollingWindowDuration = rollingWindowDuration;
			this.eventListener = eventListener;
		}

		/**
		 * Return the defaults: 100 label values, the system clock, a window of the newest
		 * 100 incidents of at most one hour.
		 * @return the default options
		 */
		public static Options defaults() {
			return DEFAULTS;
		}

		/**
		 * Return the distinct values kept per label before folding into {@code other}.
		 * @return the bound
		 */
		public int maxLabelValues() {
			return this.maxLabelValues;
		}

		/**
		 * Return the clock that ages the rolling windows.
		 * @return the clock
		 */
		public Clock clock() {
			return this.clock;
		}

		/**
		 * Return how many incidents (per incident type) the rolling window keeps.
		 * @return the window size
		 */
		public int rollingWindowSize() {
			return this.rollingWindowSize;
		}

		/**
		 * Return how old an incident may be and still count in the rolling window.
		 * @return the window duration
		 */
		public Duration rollingWindowDuration() {
			return this.rollingWindowDuration;
		}

		/**
		 * Return a copy with another label bound.
		 * @param maxLabelValues distinct values kept per label, at least 1
		 * @return the new options
		 */
		public Options withMaxLabelValues(int maxLabelValues) {
			return new Options(maxLabelValues, this.clock, this.rollingWindowSize, this.rollingWindowDuration,
					this.eventListener);
		}

		/**
		 * Return a copy with another clock.
		 * @param clock the clock
		 * @return the new options
		 */
		public Options withClock(Clock clock) {
			return new Options(this.maxLabelValues, clock, this.rollingWindowSize, this.rollingWindowDuration,
					this.eventListener);
		}

		/**
		 * Return a copy with another rolling window size.
		 * @param rollingWindowSize incidents kept per incident type, at least 1
		 * @return the new options
		 */
		public Options withRollingWindowSize(int rollingWindowSize) {
			return new Options(this.maxLabelValues, this.clock, rollingWindowSize, this.rollingWindowDuration,
					this.eventListener);
		}

		/**
		 * Return a copy with another rolling window duration.
		 * @param rollingWindowDuration how old an incident may be and still count, positive
		 * @return the new options
		 */
		public Options withRollingWindowDuration(Duration rollingWindowDuration) {
			return new Options(this.maxLabelValues, this.clock, this.rollingWindowSize, rollingWindowDuration,
					this.eventListener);
		}

		/**
		 * Return the listener told of every recorded security event.
		 * @return the listener, or {@code null} for none (the default)
		 */
		public SecurityEventListener eventListener() {
			return this.eventListener;
		}

		/**
		 * Return a copy with another event listener.
		 * @param eventListener the listener, or {@code null} for none
		 * @return the new options
		 */
		public Options withEventListener(SecurityEventListener eventListener) {
			return new Options(this.maxLabelValues, this.clock, this.rollingWindowSize, this.rollingWindowDuration,
					eventListener);
		}

	}

}
