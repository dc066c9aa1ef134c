package dev.aisd.observability.security.autoconfigure.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JsonGenerator;

import dev.aisd.observability.endpoint.internal.EndpointJson;
import dev.aisd.observability.security.SecurityKpis;
import dev.aisd.observability.security.SecurityScorecard;
import dev.aisd.observability.security.SecurityScorecard.DimensionScore;
import dev.aisd.observability.security.SecurityScorecard.SubScore;

/**
 * Renders a {@link SecurityScorecard} and its {@link SecurityKpis} as the JSON document of
 * the scorecard endpoint, with snake_case fields, through {@link EndpointJson} rather than
 * the application's JSON mapper, so that the document is the same whatever the
 * application configured there (naming strategy, null inclusion): it is a public contract.
 * A number without data (or not finite) is {@code null}.
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
		return EndpointJson.write(4096, (json) -> {
			json.writeStartObject();
			number(json, "overall_score", scorecard.overallScore());
			EndpointJson.stringProperty(json, "overall_status", status(scorecard.overallStatus()));
			json.writeBooleanProperty("insufficient_data", !scorecard.hasOverallScore());
			json.writeName("dimensions");
			json.writeStartObject();
			for (DimensionScore dimension : scorecard.dimensions()) {
				dimension(json, dimension);
			}
			json.writeEndObject();
			strings(json, "strengths", scorecard.strengths());
			strings(json, "weaknesses", scorecard.weaknesses());
			strings(json, "recommendations", scorecard.recommendations());
			json.writeName("kpis");
			kpis(json, kpis);
			json.writeName("generated_at");
			EndpointJson.timestampSeconds(json, generatedAt);
			json.writeEndObject();
		});
	}

	private static void dimension(JsonGenerator json, DimensionScore dimension) {
		json.writeName(dimension.dimension().name().toLowerCase(Locale.ROOT));
		json.writeStartObject();
		number(json, "score", dimension.score());
		number(json, "weight", dimension.weight());
		EndpointJson.stringProperty(json, "status", status(dimension.status()));
		json.writeBooleanProperty("insufficient_data", !dimension.hasScore());
		EndpointJson.stringProperty(json, "explanation", dimension.explanation());
		json.writeName("sub_scores");
		json.writeStartArray();
		for (SubScore sub : dimension.subScores()) {
			json.writeStartObject();
			EndpointJson.stringProperty(json, "kpi", sub.kpi());
			number(json, "value", sub.value());
			EndpointJson.stringProperty(json, "unit", sub.unit());
			EndpointJson.stringProperty(json, "target", sub.target());
			number(json, "score", sub.score());
			EndpointJson.stringProperty(json, "status", status(sub.status()));
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeEndObject();
	}

	private static void kpis(JsonGenerator json, SecurityKpis kpis) {
		json.writeStartObject();
		count(json, "threats_detected", kpis.threatsDetected());
		count(json, "attacks_blocked", kpis.attacksBlocked());
		count(json, "attacks_attempted", kpis.attacksAttempted());
		count(json, "true_positives", kpis.truePositives());
		count(json, "false_positives", kpis.falsePositives());
		count(json, "true_negatives", kpis.trueNegatives());
		count(json, "false_negatives", kpis.falseNegatives());
		number(json, "precision_percent", kpis.precisionPercent());
		number(json, "true_positive_rate_percent", kpis.truePositiveRatePercent());
		number(json, "false_positive_rate_percent", kpis.falsePositiveRatePercent());
		number(json, "detection_accuracy_percent", kpis.detectionAccuracyPercent());
		number(json, "attack_block_rate_percent", kpis.attackBlockRatePercent());
		number(json, "mttd_seconds", kpis.mttdSeconds());
		number(json, "mttr_seconds", kpis.mttrSeconds());
		number(json, "time_to_remediate_seconds", kpis.timeToRemediateSeconds());
		json.writeName("compliance_scores");
		json.writeStartObject();
		for (Map.Entry<String, Double> entry : kpis.complianceScores().entrySet()) {
			EndpointJson.name(json, entry.getKey());
			EndpointJson.numberOrNull(json, entry.getValue());
		}
		json.writeEndObject();
		number(json, "compliance_mean_score", kpis.complianceMeanScore());
		number(json, "compliance_min_score", kpis.complianceMinScore());
		count(json, "critical_vulnerabilities", kpis.criticalVulnerabilities());
		count(json, "high_vulnerabilities", kpis.highVulnerabilities());
		count(json, "medium_vulnerabilities", kpis.mediumVulnerabilities());
		count(json, "low_vulnerabilities", kpis.lowVulnerabilities());
		number(json, "detection_coverage_percent", kpis.detectionCoveragePercent());
		number(json, "response_readiness_score", kpis.responseReadinessScore());
		count(json, "threat_level", kpis.threatLevel());
		EndpointJson.stringProperty(json, "threat_level_status", status(kpis.threatLevelStatus()));
		count(json, "incidents", kpis.incidents());
		count(json, "escalations", kpis.escalations());
		number(json, "escalation_rate_percent", kpis.escalationRatePercent());
		number(json, "auth_failure_rate_percent", kpis.authFailureRatePercent());
		number(json, "authz_denial_rate_percent", kpis.authzDenialRatePercent());
		count(json, "active_threats", kpis.activeThreats());
		count(json, "blocked_ips", kpis.blockedIps());
		count(json, "active_sessions", kpis.activeSessions());
		count(json, "pending_alerts", kpis.pendingAlerts());
		count(json, "escalated_incidents", kpis.escalatedIncidents());
		count(json, "vulnerability_count", kpis.vulnerabilityCount());
		json.writeName("calculated_at");
		EndpointJson.timestampSeconds(json, kpis.calculatedAt());
		json.writeEndObject();
	}

	private static String status(Enum<?> status) {
		return (status != null) ? status.name().toLowerCase(Locale.ROOT) : null;
	}

	private static void number(JsonGenerator json, String name, Double value) {
		json.writeName(name);
		EndpointJson.numberOrNull(json, value);
	}

	private static void count(JsonGenerator json, String name, Long value) {
		json.writeName(name);
		EndpointJson.numberOrNull(json, value);
	}

	private static void count(JsonGenerator json, String name, Integer value) {
		json.writeName(name);
		EndpointJson.numberOrNull(json, value);
	}

	private static void strings(JsonGenerator json, String name, List<String> values) {
		json.writeName(name);
		json.writeStartArray();
		for (String value : values) {
			EndpointJson.string(json, value);
		}
		json.writeEndArray();
	}

}
