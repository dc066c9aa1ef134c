package dev.aisd.observability.security.autoconfigure;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON contract of the scorecard endpoint, shared by the Servlet and WebFlux tests.
 */
final class ScorecardAssertions {

	private ScorecardAssertions() {
	}

	static void assertContract(JsonNode json) {
		assertThat(json.has("overall_score")).isTrue();
		assertThat(json.get("insufficient_data").isBoolean()).isTrue();
		JsonNode dimensions = json.get("dimensions");
		assertThat(dimensions.propertyNames()).containsExactly("detection", "response", "prevention", "compliance",
				"readiness");
		double weights = 0;
		for (String name : List.of("detection", "response", "prevention", "compliance", "readiness")) {
			JsonNode dimension = dimensions.get(name);
			assertThat(dimension.has("score")).isTrue();
			assertThat(dimension.get("explanation").asString()).isNotBlank();
			assertThat(dimension.get("insufficient_data").asBoolean()).isEqualTo(dimension.get("score").isNull());
			weights += dimension.get("weight").asDouble();
		}
		assertThat(weights).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(dimensions.get("detection").get("weight").asDouble()).isEqualTo(0.25);
		assertThat(json.get("strengths").isArray()).isTrue();
		assertThat(json.get("weaknesses").isArray()).isTrue();
		assertThat(json.get("recommendations").isArray()).isTrue();
		assertThat(json.get("kpis").has("attack_block_rate_percent")).isTrue();
		assertThat(json.get("kpis").get("compliance_scores").isObject()).isTrue();
		for (String kpi : new String[] { "auth_failure_rate_percent", "authz_denial_rate_percent", "active_threats",
				"blocked_ips", "active_sessions", "pending_alerts", "escalated_incidents", "vulnerability_count" }) {
			assertThat(json.get("kpis").has(kpi)).as(kpi).isTrue();
		}
		assertThat(json.get("kpis").get("calculated_at").asString()).endsWith("Z");
		assertThat(Instant.parse(json.get("generated_at").asString())).isNotNull();
	}

}
