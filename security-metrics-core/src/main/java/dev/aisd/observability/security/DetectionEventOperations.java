package dev.aisd.observability.security;

import java.time.Duration;

import dev.aisd.observability.security.internal.RollingMeanTimes;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The seed's event calls about WAF rules, intrusions, exfiltration, anomalies, detection
 * verdicts, escalations, policies, times, risk scores and incidents, exposed by
 * {@link SecurityMetricsCollector}.
 */
abstract class DetectionEventOperations extends ThreatEventOperations {

	DetectionEventOperations(MeterRegistry registry, SecurityMetricsOptions options) {
		super(registry, options);
	}
	/**
	 * Record a WAF rule trigger: {@code security_waf_rules_triggered_total{rule_id,severity}}.
	 * @param ruleId the rule, for example {@code 942100}
	 * @param severity the severity
	 */
	public void recordWafRuleTrigger(String ruleId, String severity) {
		countEvent(this.wafRulesTriggered, SecurityEvent.MALICIOUS_WAF_RULE, "rule_id", ruleId, "severity", severity);
	}

	/**
	 * Record an intrusion attempt:
	 * {@code security_intrusion_attempts_total{attack_vector,severity}}.
	 * @param attackVector the vector, for example {@code ssh}
	 * @param severity the severity
	 */
	public void recordIntrusionAttempt(String attackVector, String severity) {
		countEvent(this.intrusionAttempts, SecurityEvent.MALICIOUS_INTRUSION_ATTEMPT, "attack_vector", attackVector,
				"severity", severity);
	}

	/**
	 * Record a data exfiltration attempt:
	 * {@code security_data_exfiltration_attempts_total{detection_method}}.
	 * @param detectionMethod how it was detected, for example {@code dlp}
	 */
	public void recordExfiltrationAttempt(String detectionMethod) {
		countEvent(this.exfiltrationAttempts, SecurityEvent.MALICIOUS_DATA_EXFILTRATION, "detection_method",
				detectionMethod);
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
		this.escalationsTotal.increment();
		countEvent(this.incidentEscalations, SecurityEvent.INCIDENT_ESCALATED, "severity", severity,
				"escalation_level", escalationLevel);
	}

	/**
	 * Record a policy update: {@code security_policy_updates_total{policy_type}}, and make
	 * {@code version} the active version ({@link SecurityMetricsCollector#updatePolicyVersion}).
	 * @param policyType the policy
	 * @param version the new version, or {@code null} to leave the active version as is
	 */
	public void recordPolicyUpdate(String policyType, String version) {
		String type = label(policyType);
		this.policyUpdates.get(type).increment();
		if (version != null && !version.isEmpty()) {
			this.policyVersions.update(type, version);
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
		recordSeconds(this.detectionLatency, this.recordedDetectionTimes, detectionMethod, seconds);
	}

	/**
	 * Record a response time: {@code security_response_time_seconds{event_type}}.
	 * @param eventType the event type
	 * @param seconds the response time, &gt;= 0
	 */
	public void recordResponseTime(String eventType, double seconds) {
		recordSeconds(this.responseTime, this.recordedResponseTimes, eventType, seconds);
	}

	/**
	 * Record a mitigation time: {@code security_mitigation_time_seconds{threat_type}}.
	 * @param threatType the threat type
	 * @param seconds the mitigation time, &gt;= 0
	 */
	public void recordMitigationTime(String threatType, double seconds) {
		recordSeconds(this.mitigationTime, this.recordedMitigationTimes, threatType, seconds);
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

}
