package dev.aisd.observability.security.autoconfigure.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.aisd.observability.security.SecurityKpis;
import dev.aisd.observability.security.SecurityScorecard;
import dev.aisd.observability.security.SecurityScorecard.DimensionScore;
import dev.aisd.observability.security.SecurityScorecard.SubScore;

/**
 * Renders a {@link SecurityScorecard} and its {@link SecurityKpis} as the JSON document of
 * the scorecard endpoint, with snake_case fields. Written by hand rather than through the
 * application's JSON mapper so that the document is the same whatever the application
 * configured there (naming strategy, null inclusion): it is a public contract.
 * <p>
 * Only aggregate numbers and fixed sentences appear; label values do not (compliance
 * standards aside, which the application names itself).
 */
public final class ScorecardJson {

	private ScorecardJson() {
	}

	/**
	 * Render the document.
	 * @param scorecard the scorecard
	 * @param kpis the KPIs it was computed from
	 * @param generatedAt when it was computed
	 * @return the JSON document, UTF-8
	 */
	public static byte[] render(SecurityScorecard scorecard, SecurityKpis kpis, Instant generatedAt) {
		StringBuilder json = new StringBuilder(4096);
		json.append('{');
		field(json, "overall_score").append(number(scorecard.overallScore())).append(',');
		field(json, "overall_status").append(string(status(scorecard.overallStatus()))).append(',');
		field(json, "insufficient_data").append(!scorecard.hasOverallScore()).append(',');
		field(json, "dimensions").append('{');
		List<DimensionScore> dimensions = scorecard.dimensions();
		for (int i = 0; i < dimensions.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			dimension(json, dimensions.get(i));
		}
		json.append("},");
		field(json, "strengths");
		strings(json, scorecard.strengths()).append(',');
		field(json, "weaknesses");
		strings(json, scorecard.weaknesses()).append(',');
		field(json, "recommendations");
		strings(json, scorecard.recommendations()).append(',');
		field(json, "kpis");
		kpis(json, kpis).append(',');
		field(json, "generated_at").append(string(generatedAt.toString()));
		json.append('}');
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void dimension(StringBuilder json, DimensionScore dimension) {
		field(json, dimension.dimension().name().toLowerCase(Locale.ROOT)).append('{');
		field(json, "score").append(number(dimension.score())).append(',');
		field(json, "weight").append(number(dimension.weight())).append(',');
		field(json, "status").append(string(status(dimension.status()))).append(',');
		field(json, "insufficient_data").append(!dimension.hasScore()).append(',');
		field(json, "explanation").append(string(dimension.explanation())).append(',');
		field(json, "sub_scores").append('[');
		List<SubScore> subScores = dimension.subScores();
		for (int i = 0; i < subScores.size(); i++) {
			SubScore sub = subScores.get(i);
			if (i > 0) {
				json.append(',');
			}
			json.append('{');
			field(json, "kpi").append(string(sub.kpi())).append(',');
			field(json, "value").append(number(sub.value())).append(',');
			field(json, "unit").append(string(sub.unit())).append(',');
			field(json, "target").append(string(sub.target())).append(',');
			field(json, "score").append(number(sub.score())).append(',');
			field(json, "status").append(string(status(sub.status())));
			json.append('}');
		}
		json.append("]}");
	}

	private static StringBuilder kpis(StringBuilder json, SecurityKpis kpis) {
		json.append('{');
		field(json, "threats_detected").append(number(kpis.threatsDetected())).append(',');
		field(json, "attacks_blocked").append(number(kpis.attacksBlocked())).append(',');
		field(json, "attacks_attempted").append(number(kpis.attacksAttempted())).append(',');
		field(json, "true_positives").append(number(kpis.truePositives())).append(',');
		field(json, "false_positives").append(number(kpis.falsePositives())).append(',');
		field(json, "true_negatives").append(number(kpis.trueNegatives())).append(',');
		field(json, "false_negatives").append(number(kpis.falseNegatives())).append(',');
		field(json, "precision_percent").append(number(kpis.precisionPercent())).append(',');
		field(json, "true_positive_rate_percent").append(number(kpis.truePositiveRatePercent())).append(',');
		field(json, "false_positive_rate_percent").append(number(kpis.falsePositiveRatePercent())).append(',');
		field(json, "detection_accuracy_percent").append(number(kpis.detectionAccuracyPercent())).append(',');
		field(json, "attack_block_rate_percent").append(number(kpis.attackBlockRatePercent())).append(',');
		field(json, "mttd_seconds").append(number(kpis.mttdSeconds())).append(',');
		field(json, "mttr_seconds").append(number(kpis.mttrSeconds())).append(',');
		field(json, "time_to_remediate_seconds").append(number(kpis.timeToRemediateSeconds())).append(',');
		field(json, "compliance_scores").append('{');
		boolean first = true;
		for (Map.Entry<String, Double> entry : kpis.complianceScores().entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			field(json, entry.getKey()).append(number(entry.getValue()));
		}
		json.append("},");
		field(json, "compliance_mean_score").append(number(kpis.complianceMeanScore())).append(',');
		field(json, "compliance_min_score").append(number(kpis.complianceMinScore())).append(',');
		field(json, "critical_vulnerabilities").append(number(kpis.criticalVulnerabilities())).append(',');
		field(json, "high_vulnerabilities").append(number(kpis.highVulnerabilities())).append(',');
		field(json, "medium_vulnerabilities").append(number(kpis.mediumVulnerabilities())).append(',');
		field(json, "low_vulnerabilities").append(number(kpis.lowVulnerabilities())).append(',');
		field(json, "detection_coverage_percent").append(number(kpis.detectionCoveragePercent())).append(',');
		field(json, "response_readiness_score").append(number(kpis.responseReadinessScore())).append(',');
		field(json, "threat_level").append(number(kpis.threatLevel())).append(',');
		field(json, "threat_level_status")
			.append((kpis.threatLevelStatus() != null)
					? string(kpis.threatLevelStatus().name().toLowerCase(Locale.ROOT)) : "null")
			.append(',');
		field(json, "incidents").append(number(kpis.incidents())).append(',');
		field(json, "escalations").append(number(kpis.escalations())).append(',');
		field(json, "escalation_rate_percent").append(number(kpis.escalationRatePercent())).append(',');
		field(json, "auth_failure_rate_percent").append(number(kpis.authFailureRatePercent())).append(',');
		field(json, "authz_denial_rate_percent").append(number(kpis.authzDenialRatePercent())).append(',');
		field(json, "active_threats").append(number(kpis.activeThreats())).append(',');
		field(json, "blocked_ips").append(number(kpis.blockedIps())).append(',');
		field(json, "active_sessions").append(number(kpis.activeSessions())).append(',');
		field(json, "pending_alerts").append(number(kpis.pendingAlerts())).append(',');
		field(json, "escalated_incidents").append(number(kpis.escalatedIncidents())).append(',');
		field(json, "vulnerability_count").append(number(kpis.vulnerabilityCount())).append(',');
		field(json, "calculated_at")
			.append((kpis.calculatedAt() != null) ? string(kpis.calculatedAt().toString()) : "null");
		return json.append('}');
	}

	private static String status(Enum<?> status) {
		return (status != null) ? status.name().toLowerCase(Locale.ROOT) : null;
	}

	private static StringBuilder field(StringBuilder json, String name) {
		return json.append(string(name)).append(':');
	}

	private static StringBuilder strings(StringBuilder json, List<String> values) {
		json.append('[');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append(string(values.get(i)));
		}
		return json.append(']');
	}

	static String number(Number value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Double || value instanceof Float) {
			double d = value.doubleValue();
			// JSON has no NaN or infinity; the core never produces them, but a document
			// that does not parse would break every dashboard reading it.
			if (Double.isNaN(d) || Double.isInfinite(d)) {
				return "null";
			}
			if (d == Math.rint(d) && Math.abs(d) < 1e15) {
				return Long.toString((long) d) + ".0";
			}
			return Double.toString(d);
		}
		return value.toString();
	}

	static String string(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder result = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> result.append("\\\"");
				case '\\' -> result.append("\\\\");
				case '\n' -> result.append("\\n");
				case '\r' -> result.append("\\r");
				case '\t' -> result.append("\\t");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						result.append(String.format("\\u%04x", (int) c));
					}
					else {
						result.append(c);
					}
				}
			}
		}
		return result.append('"').toString();
	}

}
