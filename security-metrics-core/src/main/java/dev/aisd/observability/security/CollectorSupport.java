package dev.aisd.observability.security;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import dev.aisd.observability.security.internal.CatalogueMeters;
import dev.aisd.observability.security.internal.GaugeValue;
import dev.aisd.observability.security.internal.OneLabelMeters;
import dev.aisd.observability.security.internal.TwoLabelMeters;
import dev.aisd.observability.security.internal.PolicyVersions;
import dev.aisd.observability.security.internal.RejectedInputs;
import dev.aisd.observability.security.internal.RejectedInputs.Reason;
import dev.aisd.observability.security.internal.RollingMean;
import dev.aisd.observability.security.internal.RollingMeanTimes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The state of a {@link SecurityMetricsCollector} and its input policy (labels, scores,
 * durations, ranges; see the collector's class javadoc): the meters of every catalogue
 * family, built from {@link SecurityMetricFamily} by {@link CatalogueMeters}, the totals
 * the live KPIs read, and the recorded-times windows. The operations live in the
 * subclasses, one per group of the seed's calls.
 */
abstract class CollectorSupport {

	final MeterRegistry registry;

	final SecurityMetricsOptions options;

	final RejectedInputs rejected;

	// Event families.

	final TwoLabelMeters<Counter> attacksBlocked;

	final TwoLabelMeters<Counter> threatsDetected;

	final OneLabelMeters<DistributionSummary> threatScores;

	final OneLabelMeters<DistributionSummary> attackScores;

	final OneLabelMeters<DistributionSummary> riskScores;

	final OneLabelMeters<DistributionSummary> anomalyScores;

	final TwoLabelMeters<Counter> authFailures;

	final TwoLabelMeters<Counter> authzDenials;

	final OneLabelMeters<Counter> authSuccesses;

	final TwoLabelMeters<Counter> authzGrants;

	final TwoLabelMeters<Counter> rateLimitViolations;

	final OneLabelMeters<Counter> captchaSuccesses;

	final TwoLabelMeters<Counter> captchaFailures;

	final TwoLabelMeters<Counter> honeypotHits;

	final OneLabelMeters<Counter> suspiciousPatterns;

	final TwoLabelMeters<Counter> incidentEscalations;

	final TwoLabelMeters<Counter> ipBlocks;

	final TwoLabelMeters<Counter> wafRulesTriggered;

	final TwoLabelMeters<Counter> intrusionAttempts;

	final OneLabelMeters<Counter> exfiltrationAttempts;

	final OneLabelMeters<DistributionSummary> detectionLatency;

	final OneLabelMeters<DistributionSummary> responseTime;

	final OneLabelMeters<DistributionSummary> mitigationTime;

	final OneLabelMeters<Counter> truePositives;

	final OneLabelMeters<Counter> falsePositives;

	final TwoLabelMeters<Counter> anomaliesDetected;

	final TwoLabelMeters<Counter> auditEvents;

	final TwoLabelMeters<Counter> complianceViolations;

	final OneLabelMeters<Counter> policyUpdates;

	// Gauge families.

	final GaugeValue threatLevel;

	final GaugeValue responseReadiness;

	final GaugeValue quarantinedRequests;

	final OneLabelMeters<GaugeValue> activeThreats;

	final OneLabelMeters<GaugeValue> blockedIps;

	final OneLabelMeters<GaugeValue> activeSessions;

	final OneLabelMeters<GaugeValue> complianceScores;

	final OneLabelMeters<GaugeValue> vulnerabilityCounts;

	final OneLabelMeters<GaugeValue> detectionCoverage;

	final OneLabelMeters<GaugeValue> truePositiveRates;

	final OneLabelMeters<GaugeValue> falsePositiveRates;

	final OneLabelMeters<GaugeValue> pendingAlerts;

	final OneLabelMeters<RollingMeanTimes> meanTimes;

	final PolicyVersions policyVersions;

	// Totals kept beside the meters so currentKpis() works whatever the registry does
	// (a deny filter, a no-op composite).

	final LongAdder threatsDetectedTotal = new LongAdder();

	final LongAdder attacksBlockedTotal = new LongAdder();

	final LongAdder truePositivesTotal = new LongAdder();

	final LongAdder falsePositivesTotal = new LongAdder();

	final LongAdder incidentsTotal = new LongAdder();

	final LongAdder escalationsTotal = new LongAdder();

	final LongAdder authFailuresTotal = new LongAdder();

	final LongAdder authSuccessesTotal = new LongAdder();

	final LongAdder authzDenialsTotal = new LongAdder();

	final LongAdder authzGrantsTotal = new LongAdder();

	// The seed-style windows of recorded times, whatever the label of each time.

	final RollingMean recordedDetectionTimes;

	final RollingMean recordedResponseTimes;

	final RollingMean recordedMitigationTimes;

	CollectorSupport(MeterRegistry registry, SecurityMetricsOptions options) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
		this.rejected = new RejectedInputs(registry);
		CatalogueMeters meters = new CatalogueMeters(registry, options.maxLabelValues());
		this.attacksBlocked = meters.counters2(SecurityMetricFamily.ATTACKS_BLOCKED);
		this.threatsDetected = meters.counters2(SecurityMetricFamily.THREATS_DETECTED);
		this.threatScores = meters.histograms(SecurityMetricFamily.THREAT_SCORE_DISTRIBUTION);
		this.attackScores = meters.histograms(SecurityMetricFamily.ATTACK_SCORE_DISTRIBUTION);
		this.riskScores = meters.histograms(SecurityMetricFamily.RISK_SCORE_DISTRIBUTION);
		this.anomalyScores = meters.histograms(SecurityMetricFamily.ANOMALY_SCORE_DISTRIBUTION);
		this.authFailures = meters.counters2(SecurityMetricFamily.AUTH_FAILURES);
		this.authzDenials = meters.counters2(SecurityMetricFamily.AUTHZ_DENIALS);
		this.authSuccesses = meters.counters(SecurityMetricFamily.AUTH_SUCCESSES);
		this.authzGrants = meters.counters2(SecurityMetricFamily.AUTHZ_GRANTS);
		this.rateLimitViolations = meters.counters2(SecurityMetricFamily.RATE_LIMIT_VIOLATIONS);
		this.captchaSuccesses = meters.counters(SecurityMetricFamily.CAPTCHA_SUCCESSES);
		this.captchaFailures = meters.counters2(SecurityMetricFamily.CAPTCHA_FAILURES);
		this.honeypotHits = meters.counters2(SecurityMetricFamily.HONEYPOT_HITS);
		this.suspiciousPatterns = meters.counters(SecurityMetricFamily.SUSPICIOUS_PATTERNS);
		this.incidentEscalations = meters.counters2(SecurityMetricFamily.INCIDENT_ESCALATIONS);
		this.ipBlocks = meters.counters2(SecurityMetricFamily.IP_BLOCKS);
		this.wafRulesTriggered = meters.counters2(SecurityMetricFamily.WAF_RULES_TRIGGERED);
		this.intrusionAttempts = meters.counters2(SecurityMetricFamily.INTRUSION_ATTEMPTS);
		this.exfiltrationAttempts = meters.counters(SecurityMetricFamily.DATA_EXFILTRATION_ATTEMPTS);
		this.detectionLatency = meters.histograms(SecurityMetricFamily.DETECTION_LATENCY_SECONDS);
		this.responseTime = meters.histograms(SecurityMetricFamily.RESPONSE_TIME_SECONDS);
		this.mitigationTime = meters.histograms(SecurityMetricFamily.MITIGATION_TIME_SECONDS);
		this.truePositives = meters.counters(SecurityMetricFamily.TRUE_POSITIVES);
		this.falsePositives = meters.counters(SecurityMetricFamily.FALSE_POSITIVES);
		this.anomaliesDetected = meters.counters2(SecurityMetricFamily.ANOMALIES_DETECTED);
		this.auditEvents = meters.counters2(SecurityMetricFamily.AUDIT_EVENTS);
		this.complianceViolations = meters.counters2(SecurityMetricFamily.COMPLIANCE_VIOLATIONS);
		this.policyUpdates = meters.counters(SecurityMetricFamily.POLICY_UPDATES);
		this.threatLevel = meters.gauge(SecurityMetricFamily.THREAT_LEVEL_CURRENT);
		this.responseReadiness = meters.gauge(SecurityMetricFamily.RESPONSE_READINESS_SCORE);
		this.quarantinedRequests = meters.gauge(SecurityMetricFamily.QUARANTINED_REQUESTS_CURRENT);
		this.activeThreats = meters.gauges(SecurityMetricFamily.ACTIVE_THREATS_CURRENT);
		this.blockedIps = meters.gauges(SecurityMetricFamily.BLOCKED_IPS_CURRENT);
		this.activeSessions = meters.gauges(SecurityMetricFamily.ACTIVE_SESSIONS);
		this.complianceScores = meters.gauges(SecurityMetricFamily.COMPLIANCE_SCORE_CURRENT);
		this.vulnerabilityCounts = meters.gauges(SecurityMetricFamily.VULNERABILITY_COUNT_CURRENT);
		this.detectionCoverage = meters.gauges(SecurityMetricFamily.DETECTION_COVERAGE_PERCENT);
		this.truePositiveRates = meters.gauges(SecurityMetricFamily.TRUE_POSITIVE_RATE_PERCENT);
		this.falsePositiveRates = meters.gauges(SecurityMetricFamily.FALSE_POSITIVE_RATE_PERCENT);
		this.pendingAlerts = meters.gauges(SecurityMetricFamily.ALERTS_PENDING_CURRENT);
		long maxAge = options.rollingWindowDuration().toNanos();
		this.meanTimes = meters.meanTimes(options.clock(), options.rollingWindowSize(), maxAge);
		this.policyVersions = new PolicyVersions(registry, options.maxLabelValues());
		int history = SecurityMetricsCollector.RECORDED_TIMES_HISTORY;
		this.recordedDetectionTimes = new RollingMean(options.clock(), history, maxAge);
		this.recordedResponseTimes = new RollingMean(options.clock(), history, maxAge);
		this.recordedMitigationTimes = new RollingMean(options.clock(), history, maxAge);
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
	public SecurityMetricsOptions options() {
		return this.options;
	}

	final void event(String name, String firstKey, String firstValue, String secondKey, String secondValue) {
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

	/**
	 * Count one event of a family with two caller-chosen labels and tell the listener:
	 * both see the same bounded label values. Callers name the event's fields as the
	 * family names its labels.
	 */
	final void countEvent(TwoLabelMeters<Counter> meters, String eventName, String firstKey, String first,
			String secondKey, String second) {
		String firstValue = label(first);
		String secondValue = label(second);
		meters.get(firstValue, secondValue).increment();
		event(eventName, firstKey, firstValue, secondKey, secondValue);
	}

	/**
	 * Count one event of a family with one caller-chosen label and tell the listener.
	 */
	final void countEvent(OneLabelMeters<Counter> meters, String eventName, String key, String value) {
		String bounded = label(value);
		meters.get(bounded).increment();
		event(eventName, key, bounded, null, null);
	}

	/**
	 * Record a valid duration in its histogram and in the window its mean is computed
	 * over; an invalid one is counted as rejected and recorded nowhere.
	 */
	final void recordSeconds(OneLabelMeters<DistributionSummary> meters, RollingMean recorded, String labelValue,
			double seconds) {
		String bounded = label(labelValue);
		if (validDuration(seconds)) {
			meters.get(bounded).record(seconds);
			recorded.add(seconds);
		}
	}

	final String label(String value) {
		if (value == null || value.isEmpty()) {
			this.rejected.count(Reason.MISSING_LABEL);
			return SecurityMetricsCollector.UNKNOWN;
		}
		return value;
	}

	static String optionalLabel(String value) {
		return (value == null || value.isEmpty()) ? SecurityMetricsCollector.UNKNOWN : value;
	}

	final boolean validScore(double score) {
		if (score >= 0 && score <= 1) {
			return true;
		}
		this.rejected.count(Reason.INVALID_SCORE);
		return false;
	}

	final boolean validDuration(double seconds) {
		if (seconds >= 0 && seconds != Double.POSITIVE_INFINITY) {
			return true;
		}
		this.rejected.count(Reason.INVALID_DURATION);
		return false;
	}

	final double optionalDuration(Double seconds) {
		if (seconds == null) {
			return Double.NaN;
		}
		return validDuration(seconds) ? seconds : Double.NaN;
	}

	final int clamp(int value, int min, int max) {
		if (value < min || value > max) {
			this.rejected.count(Reason.OUT_OF_RANGE);
			return Math.max(min, Math.min(max, value));
		}
		return value;
	}

	final int clampCount(int count) {
		return clamp(count, 0, Integer.MAX_VALUE);
	}

	final void setClamped(GaugeValue gauge, double value, double min, double max) {
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

	static double seconds(Duration duration) {
		// Not toNanos(): it throws for durations beyond about 292 years.
		return (duration != null) ? duration.getSeconds() + duration.getNano() / 1e9 : Double.NaN;
	}

	final Double meanOfIncidentTypes(int index) {
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

	final Double meanTime(int index, RollingMean recorded) {
		Double incidents = meanOfIncidentTypes(index);
		if (incidents != null) {
			return incidents;
		}
		double mean = recorded.mean();
		return Double.isNaN(mean) ? null : mean;
	}

	static Long sumOf(OneLabelMeters<GaugeValue> gauges) {
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

	static Double meanOf(OneLabelMeters<GaugeValue> gauges) {
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

}
