package dev.aisd.observability.security;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.aisd.observability.labels.LabelValueLimiter;
import dev.aisd.observability.security.internal.KpiCalculator;
import dev.aisd.observability.security.internal.RollingMeanTimes;
import dev.aisd.observability.security.internal.ScorecardCalculator;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records the security events of the catalogue ({@link SecurityMetricNames}) into a
 * Micrometer {@link MeterRegistry}, and computes KPIs and a scorecard: the JVM
 * counterpart of the seed's security metrics collector.
 * <p>
 * <b>The seed's calls.</b> Every public call of the seed's collector exists with its
 * parameter list and each of its shorter default forms ({@code recordHoneypotHit(type)},
 * {@code recordIpBlock(reason)}, {@code updateMeanTimes()}, {@code generateScorecard()},
 * ...), with its semantics: clamping, and mean times computed from the recorded times.
 * Richer overloads ({@code Duration}s, explicit incidents, detector types) are additions.
 * Meters are built from the catalogue entries of {@link SecurityMetricFamily}; every
 * security event is also offered to the {@link SecurityMetricsOptions#eventListener() event listener}.
 * <p>
 * <b>Thread-safe.</b> Meters are created on the first use of a label combination and
 * cached, so a later call with the same labels does no registry lookup and allocates
 * nothing. Gauges are backed by value holders registered once.
 * <p>
 * <b>Bounded.</b> Every caller-supplied label value passes through a
 * {@link LabelValueLimiter}: past {@link SecurityMetricsOptions#maxLabelValues()} distinct values per
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
 * <li>{@code listener_failed}: the event listener threw; the meters are recorded.</li>
 * </ul>
 * <p>
 * <b>One collector per registry.</b> Gauges are bound to the holders of the collector
 * that registered them first; a second collector on the same registry shares the
 * counters but its gauge updates would not show. In Spring the collector is a single
 * bean; elsewhere use {@link SecurityMetrics#getSecurityMetricsCollector()}.
 *
 * @since 0.1.0
 */
public final class SecurityMetricsCollector extends PostureOperations {

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

	/**
	 * Create a collector with {@link SecurityMetricsOptions#defaults()}.
	 * @param registry the registry to record into
	 */
	public SecurityMetricsCollector(MeterRegistry registry) {
		this(registry, SecurityMetricsOptions.defaults());
	}

	/**
	 * Create a collector.
	 * @param registry the registry to record into
	 * @param options the options
	 */
	public SecurityMetricsCollector(MeterRegistry registry, SecurityMetricsOptions options) {
		super(registry, options);
	}


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

}
