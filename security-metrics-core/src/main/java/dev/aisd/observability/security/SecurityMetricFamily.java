package dev.aisd.observability.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The security catalogue as data: one entry per metric family with its exposition name,
 * kind, help text, label names and histogram buckets. The collector builds its meters
 * from these entries, {@link SecurityMetricNames#CATALOGUE} lists their names, and the
 * catalogue table of {@code docs/security-metrics.md} is checked against them.
 *
 * @since 0.1.0
 */
public enum SecurityMetricFamily {

	/** {@value SecurityMetricNames#ATTACKS_BLOCKED}. */
	ATTACKS_BLOCKED(SecurityMetricNames.ATTACKS_BLOCKED, Kind.COUNTER, Buckets.NONE, "Attacks blocked (WAF, rate limiter, honeypot, ...).", "attack_type", "severity"),

	/** {@value SecurityMetricNames#THREATS_DETECTED}. */
	THREATS_DETECTED(SecurityMetricNames.THREATS_DETECTED, Kind.COUNTER, Buckets.NONE, "Threats detected, by the component that detected them.", "threat_type", "source"),

	/** {@value SecurityMetricNames#THREAT_SCORE_DISTRIBUTION}. */
	THREAT_SCORE_DISTRIBUTION(SecurityMetricNames.THREAT_SCORE_DISTRIBUTION, Kind.HISTOGRAM, Buckets.SCORES, "Threat scores (0..1) of detected threats; score_type is the threat type.", "score_type"),

	/** {@value SecurityMetricNames#ATTACK_SCORE_DISTRIBUTION}. */
	ATTACK_SCORE_DISTRIBUTION(SecurityMetricNames.ATTACK_SCORE_DISTRIBUTION, Kind.HISTOGRAM, Buckets.SCORES, "Attack probability scores (0..1) of blocked attacks.", "attack_type"),

	/** {@value SecurityMetricNames#RISK_SCORE_DISTRIBUTION}. */
	RISK_SCORE_DISTRIBUTION(SecurityMetricNames.RISK_SCORE_DISTRIBUTION, Kind.HISTOGRAM, Buckets.SCORES, "Risk assessment scores (0..1).", "risk_category"),

	/** {@value SecurityMetricNames#ANOMALY_SCORE_DISTRIBUTION}. */
	ANOMALY_SCORE_DISTRIBUTION(SecurityMetricNames.ANOMALY_SCORE_DISTRIBUTION, Kind.HISTOGRAM, Buckets.SCORES, "Anomaly scores (0..1) by detector.", "detector_type"),

	/** {@value SecurityMetricNames#AUTH_FAILURES}. */
	AUTH_FAILURES(SecurityMetricNames.AUTH_FAILURES, Kind.COUNTER, Buckets.NONE, "Authentication failures.", "auth_method", "failure_reason"),

	/** {@value SecurityMetricNames#AUTHZ_DENIALS}. */
	AUTHZ_DENIALS(SecurityMetricNames.AUTHZ_DENIALS, Kind.COUNTER, Buckets.NONE, "Authorization denials.", "resource", "action"),

	/** {@value SecurityMetricNames#ACTIVE_SESSIONS}. */
	ACTIVE_SESSIONS(SecurityMetricNames.ACTIVE_SESSIONS, Kind.GAUGE, Buckets.NONE, "Active authenticated sessions (>= 0).", "auth_method"),

	/** {@value SecurityMetricNames#RATE_LIMIT_VIOLATIONS}. */
	RATE_LIMIT_VIOLATIONS(SecurityMetricNames.RATE_LIMIT_VIOLATIONS, Kind.COUNTER, Buckets.NONE, "Rate-limit violations (endpoint is a route template).", "endpoint", "limit_type"),

	/** {@value SecurityMetricNames#CAPTCHA_SUCCESSES}. */
	CAPTCHA_SUCCESSES(SecurityMetricNames.CAPTCHA_SUCCESSES, Kind.COUNTER, Buckets.NONE, "CAPTCHAs solved.", "captcha_type"),

	/** {@value SecurityMetricNames#CAPTCHA_FAILURES}. */
	CAPTCHA_FAILURES(SecurityMetricNames.CAPTCHA_FAILURES, Kind.COUNTER, Buckets.NONE, "CAPTCHAs failed (failure_reason unknown when not given).", "captcha_type", "failure_reason"),

	/** {@value SecurityMetricNames#HONEYPOT_HITS}. */
	HONEYPOT_HITS(SecurityMetricNames.HONEYPOT_HITS, Kind.COUNTER, Buckets.NONE, "Honeypot trap activations.", "honeypot_type", "ip_reputation"),

	/** {@value SecurityMetricNames#SUSPICIOUS_PATTERNS}. */
	SUSPICIOUS_PATTERNS(SecurityMetricNames.SUSPICIOUS_PATTERNS, Kind.COUNTER, Buckets.NONE, "Suspicious activity patterns (also firewall rejections, see the Spring wiring).", "pattern_type"),

	/** {@value SecurityMetricNames#INCIDENT_ESCALATIONS}. */
	INCIDENT_ESCALATIONS(SecurityMetricNames.INCIDENT_ESCALATIONS, Kind.COUNTER, Buckets.NONE, "Escalated security incidents.", "severity", "escalation_level"),

	/** {@value SecurityMetricNames#IP_BLOCKS}. */
	IP_BLOCKS(SecurityMetricNames.IP_BLOCKS, Kind.COUNTER, Buckets.NONE, "IP addresses blocked (duration is a label such as 1h).", "block_reason", "duration"),

	/** {@value SecurityMetricNames#WAF_RULES_TRIGGERED}. */
	WAF_RULES_TRIGGERED(SecurityMetricNames.WAF_RULES_TRIGGERED, Kind.COUNTER, Buckets.NONE, "WAF rule triggers.", "rule_id", "severity"),

	/** {@value SecurityMetricNames#INTRUSION_ATTEMPTS}. */
	INTRUSION_ATTEMPTS(SecurityMetricNames.INTRUSION_ATTEMPTS, Kind.COUNTER, Buckets.NONE, "Intrusion attempts detected.", "attack_vector", "severity"),

	/** {@value SecurityMetricNames#DATA_EXFILTRATION_ATTEMPTS}. */
	DATA_EXFILTRATION_ATTEMPTS(SecurityMetricNames.DATA_EXFILTRATION_ATTEMPTS, Kind.COUNTER, Buckets.NONE, "Data exfiltration attempts detected.", "detection_method"),

	/** {@value SecurityMetricNames#DETECTION_LATENCY_SECONDS}. */
	DETECTION_LATENCY_SECONDS(SecurityMetricNames.DETECTION_LATENCY_SECONDS, Kind.HISTOGRAM, Buckets.SECONDS, "Time from a security event to its detection, in seconds.", "detection_method"),

	/** {@value SecurityMetricNames#RESPONSE_TIME_SECONDS}. */
	RESPONSE_TIME_SECONDS(SecurityMetricNames.RESPONSE_TIME_SECONDS, Kind.HISTOGRAM, Buckets.SECONDS, "Time to respond to a security event, in seconds.", "event_type"),

	/** {@value SecurityMetricNames#MITIGATION_TIME_SECONDS}. */
	MITIGATION_TIME_SECONDS(SecurityMetricNames.MITIGATION_TIME_SECONDS, Kind.HISTOGRAM, Buckets.SECONDS, "Time to mitigate a threat, in seconds.", "threat_type"),

	/** {@value SecurityMetricNames#MEAN_TIME_TO_DETECT_SECONDS}. */
	MEAN_TIME_TO_DETECT_SECONDS(SecurityMetricNames.MEAN_TIME_TO_DETECT_SECONDS, Kind.GAUGE, Buckets.NONE, "Rolling mean time to detect (MTTD) over the incident window; NaN when the window holds no incident with that time.", "incident_type"),

	/** {@value SecurityMetricNames#MEAN_TIME_TO_RESPOND_SECONDS}. */
	MEAN_TIME_TO_RESPOND_SECONDS(SecurityMetricNames.MEAN_TIME_TO_RESPOND_SECONDS, Kind.GAUGE, Buckets.NONE, "Rolling mean time to respond (MTTR).", "incident_type"),

	/** {@value SecurityMetricNames#MEAN_TIME_TO_REMEDIATE_SECONDS}. */
	MEAN_TIME_TO_REMEDIATE_SECONDS(SecurityMetricNames.MEAN_TIME_TO_REMEDIATE_SECONDS, Kind.GAUGE, Buckets.NONE, "Rolling mean time to remediate.", "incident_type"),

	/** {@value SecurityMetricNames#TRUE_POSITIVES}. */
	TRUE_POSITIVES(SecurityMetricNames.TRUE_POSITIVES, Kind.COUNTER, Buckets.NONE, "Detections confirmed as real threats.", "detection_type"),

	/** {@value SecurityMetricNames#FALSE_POSITIVES}. */
	FALSE_POSITIVES(SecurityMetricNames.FALSE_POSITIVES, Kind.COUNTER, Buckets.NONE, "Detections found not to be threats.", "detection_type"),

	/** {@value SecurityMetricNames#TRUE_POSITIVE_RATE_PERCENT}. */
	TRUE_POSITIVE_RATE_PERCENT(SecurityMetricNames.TRUE_POSITIVE_RATE_PERCENT, Kind.GAUGE, Buckets.NONE, "True-positive rate (recall) of a detector, 0..100.", "detection_type"),

	/** {@value SecurityMetricNames#FALSE_POSITIVE_RATE_PERCENT}. */
	FALSE_POSITIVE_RATE_PERCENT(SecurityMetricNames.FALSE_POSITIVE_RATE_PERCENT, Kind.GAUGE, Buckets.NONE, "False-positive rate of a detector, 0..100.", "detection_type"),

	/** {@value SecurityMetricNames#ANOMALIES_DETECTED}. */
	ANOMALIES_DETECTED(SecurityMetricNames.ANOMALIES_DETECTED, Kind.COUNTER, Buckets.NONE, "Anomalies detected.", "anomaly_type", "confidence"),

	/** {@value SecurityMetricNames#THREAT_LEVEL_CURRENT}. */
	THREAT_LEVEL_CURRENT(SecurityMetricNames.THREAT_LEVEL_CURRENT, Kind.GAUGE, Buckets.NONE, "Overall threat level 0..5: 0-2 normal, 3-4 elevated, 5 critical."),

	/** {@value SecurityMetricNames#ACTIVE_THREATS_CURRENT}. */
	ACTIVE_THREATS_CURRENT(SecurityMetricNames.ACTIVE_THREATS_CURRENT, Kind.GAUGE, Buckets.NONE, "Active threats (>= 0).", "threat_type"),

	/** {@value SecurityMetricNames#BLOCKED_IPS_CURRENT}. */
	BLOCKED_IPS_CURRENT(SecurityMetricNames.BLOCKED_IPS_CURRENT, Kind.GAUGE, Buckets.NONE, "IP addresses currently blocked (>= 0).", "block_reason"),

	/** {@value SecurityMetricNames#COMPLIANCE_SCORE_CURRENT}. */
	COMPLIANCE_SCORE_CURRENT(SecurityMetricNames.COMPLIANCE_SCORE_CURRENT, Kind.GAUGE, Buckets.NONE, "Compliance score of a standard, 0..100.", "compliance_standard"),

	/** {@value SecurityMetricNames#VULNERABILITY_COUNT_CURRENT}. */
	VULNERABILITY_COUNT_CURRENT(SecurityMetricNames.VULNERABILITY_COUNT_CURRENT, Kind.GAUGE, Buckets.NONE, "Known vulnerabilities (>= 0); the KPIs read critical, high, medium, low.", "severity"),

	/** {@value SecurityMetricNames#DETECTION_COVERAGE_PERCENT}. */
	DETECTION_COVERAGE_PERCENT(SecurityMetricNames.DETECTION_COVERAGE_PERCENT, Kind.GAUGE, Buckets.NONE, "Detection coverage of attack vectors, 0..100.", "coverage_category"),

	/** {@value SecurityMetricNames#RESPONSE_READINESS_SCORE}. */
	RESPONSE_READINESS_SCORE(SecurityMetricNames.RESPONSE_READINESS_SCORE, Kind.GAUGE, Buckets.NONE, "Incident-response readiness, 0..100."),

	/** {@value SecurityMetricNames#ALERTS_PENDING_CURRENT}. */
	ALERTS_PENDING_CURRENT(SecurityMetricNames.ALERTS_PENDING_CURRENT, Kind.GAUGE, Buckets.NONE, "Security alerts pending (>= 0).", "severity"),

	/** {@value SecurityMetricNames#QUARANTINED_REQUESTS_CURRENT}. */
	QUARANTINED_REQUESTS_CURRENT(SecurityMetricNames.QUARANTINED_REQUESTS_CURRENT, Kind.GAUGE, Buckets.NONE, "Requests currently quarantined (>= 0)."),

	/** {@value SecurityMetricNames#AUDIT_EVENTS}. */
	AUDIT_EVENTS(SecurityMetricNames.AUDIT_EVENTS, Kind.COUNTER, Buckets.NONE, "Security audit events.", "event_category", "severity"),

	/** {@value SecurityMetricNames#COMPLIANCE_VIOLATIONS}. */
	COMPLIANCE_VIOLATIONS(SecurityMetricNames.COMPLIANCE_VIOLATIONS, Kind.COUNTER, Buckets.NONE, "Compliance violations.", "policy_type", "severity"),

	/** {@value SecurityMetricNames#POLICY_UPDATES}. */
	POLICY_UPDATES(SecurityMetricNames.POLICY_UPDATES, Kind.COUNTER, Buckets.NONE, "Security policy updates.", "policy_type"),

	/** {@value SecurityMetricNames#POLICY_VERSION_INFO}. */
	POLICY_VERSION_INFO(SecurityMetricNames.POLICY_VERSION_INFO, Kind.INFO, Buckets.NONE, "The active version of each policy type: one series per policy type with the value 1.", "policy_type", "version"),

	/** {@value SecurityMetricNames#AUTH_SUCCESSES}. */
	AUTH_SUCCESSES(SecurityMetricNames.AUTH_SUCCESSES, Kind.COUNTER, Buckets.NONE, "Successful authentications: with the failures, the attempts the authentication failure rate divides by. Not in the seed; ours.", "auth_method"),

	/** {@value SecurityMetricNames#AUTHZ_GRANTS}. */
	AUTHZ_GRANTS(SecurityMetricNames.AUTHZ_GRANTS, Kind.COUNTER, Buckets.NONE, "Granted authorization checks: with the denials, the checks the authorization denial rate divides by. Not in the seed; ours.", "resource", "action");


	private final String prometheusName;

	private final Kind kind;

	private final Buckets buckets;

	private final String help;

	private final List<String> labels;

	SecurityMetricFamily(String prometheusName, Kind kind, Buckets buckets, String help, String... labels) {
		this.prometheusName = prometheusName;
		this.kind = kind;
		this.buckets = buckets;
		this.help = help;
		this.labels = List.of(labels);
	}

	/**
	 * Return the name Prometheus sees.
	 * @return the exposition name, for example {@code security_attacks_blocked_total}
	 */
	public String prometheusName() {
		return this.prometheusName;
	}

	/**
	 * Return the Micrometer name that Micrometer's Prometheus naming convention turns into
	 * {@link #prometheusName()}: without the {@code _total} of a counter or the
	 * {@code _seconds} a base unit adds, dots for underscores.
	 * @return the Micrometer name, for example {@code security.attacks.blocked}
	 */
	public String micrometerName() {
		String name = this.prometheusName;
		if (this.kind == Kind.COUNTER && name.endsWith("_total")) {
			name = name.substring(0, name.length() - "_total".length());
		}
		if (this.buckets == Buckets.SECONDS) {
			name = name.substring(0, name.length() - "_seconds".length());
		}
		return name.replace('_', '.');
	}

	/**
	 * Return the kind of meter.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Return the help text ({@code # HELP}).
	 * @return the help text
	 */
	public String help() {
		return this.help;
	}

	/**
	 * Return the label names, in order.
	 * @return the label names, empty for a family without labels
	 */
	public List<String> labels() {
		return this.labels;
	}

	/**
	 * Return the histogram buckets.
	 * @return the buckets, {@link Buckets#NONE} for a family that is no histogram
	 */
	public Buckets buckets() {
		return this.buckets;
	}

	/**
	 * Return the base unit Micrometer is told, which supplies a {@code _seconds} suffix.
	 * @return {@code seconds} for time histograms, otherwise {@code null}
	 */
	public String baseUnit() {
		return (this.buckets == Buckets.SECONDS) ? "seconds" : null;
	}

	/**
	 * Return the exposition names of every family, in catalogue order.
	 * @return the names
	 */
	public static List<String> prometheusNames() {
		List<String> names = new ArrayList<>();
		for (SecurityMetricFamily family : values()) {
			names.add(family.prometheusName);
		}
		return List.copyOf(names);
	}

	/**
	 * The kind of meter of a family, as its {@code # TYPE} line says.
	 *
	 * @since 0.1.0
	 */
	public enum Kind {

		/** A counter ({@code _total}). */
		COUNTER("counter"),

		/** A gauge. */
		GAUGE("gauge"),

		/** A histogram with {@code _bucket}, {@code _count} and {@code _sum} series. */
		HISTOGRAM("histogram"),

		/** An info gauge: value 1, the information in its labels. */
		INFO("gauge (info, value 1)");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

		/**
		 * Return how the catalogue table names the kind.
		 * @return the description, for example {@code counter}
		 */
		public String description() {
			return this.description;
		}

	}

	/**
	 * The upper bucket boundaries of a histogram family.
	 *
	 * @since 0.1.0
	 */
	public enum Buckets {

		/** Not a histogram. */
		NONE(),

		/** Scores on the 0..1 scale. */
		SCORES(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),

		/** Times in seconds, from 10 ms to an hour. */
		SECONDS(0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600);

		private final double[] boundaries;

		Buckets(double... boundaries) {
			this.boundaries = boundaries;
		}

		/**
		 * Return the upper boundaries.
		 * @return a copy of the boundaries, empty for {@link #NONE}
		 */
		public double[] boundaries() {
			return this.boundaries.clone();
		}

	}

}
