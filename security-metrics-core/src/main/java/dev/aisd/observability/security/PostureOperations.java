package dev.aisd.observability.security;

import dev.aisd.observability.labels.LabelValueLimiter;
import dev.aisd.observability.security.internal.GaugeValue;
import dev.aisd.observability.security.internal.RollingMeanTimes;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The seed's {@code update_*} calls (the gauges of the security posture), exposed by
 * {@link SecurityMetricsCollector}.
 */
abstract class PostureOperations extends DetectionEventOperations {

	PostureOperations(MeterRegistry registry, SecurityMetricsOptions options) {
		super(registry, options);
	}

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
		this.policyVersions.update(label(policyType), label(version));
	}

	/**
	 * Make a numbered version the active version of a policy (the seed's call):
	 * {@code security_policy_version_info{policy_type,version="42"} 1}. The seed set the
	 * number as the gauge value; here the version stays a label with value 1, like every
	 * {@code _info} series and like {@link SecurityMetricsCollector#updatePolicyVersion(String, String)}, so the
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
	 * their own means; a value set here is reported until {@link SecurityMetricsCollector#recordIncident} next
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
	 * Set the mean-time gauges of incident type {@value SecurityMetricsCollector#ALL_INCIDENTS} from the times
	 * recorded so far (the seed's {@code update_mean_times()}).
	 * @see #updateMeanTimes(String)
	 */
	public void updateMeanTimes() {
		updateMeanTimes(SecurityMetricsCollector.ALL_INCIDENTS);
	}

	/**
	 * Set the three mean-time gauges of an incident type from the times recorded so far
	 * (the seed's {@code update_mean_times(incident_type)}): MTTD is the mean of the
	 * newest {@value SecurityMetricsCollector#RECORDED_TIMES_HISTORY} {@link SecurityMetricsCollector#recordDetectionTime detection
	 * times} (at most {@link SecurityMetricsOptions#rollingWindowDuration()} old, whatever their
	 * detection method), MTTR that of the {@link SecurityMetricsCollector#recordResponseTime response times},
	 * time to remediate that of the {@link SecurityMetricsCollector#recordMitigationTime mitigation times}. A
	 * gauge whose series has no time is left as it is. The values are a snapshot, as in
	 * the seed; they stay until the next call or the next {@link SecurityMetricsCollector#recordIncident} of that
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

}
