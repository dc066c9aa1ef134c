package dev.aisd.observability.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PromQlTests {

	@Test
	void metricNamesWhenAggregatedRateThenFindsOnlyTheMetric() {
		assertThat(PromQl.metricNames(
				"sum by (service, le) (rate(http_request_duration_seconds_bucket{job=~\"$job\",le=\"0.25\"}[5m]))"))
			.containsExactly("http_request_duration_seconds_bucket");
	}

	@Test
	void metricNamesWhenBinaryExpressionThenFindsBothSidesAndRecordingRules() {
		assertThat(PromQl.metricNames("service:x:ratio_rate1h > (14.4 * 0.01) and on (service) group_left(check) "
				+ "max without (instance) (health_check_status offset 5m) unless ignoring(job) up"))
			.containsExactly("health_check_status", "service:x:ratio_rate1h", "up");
	}

	@Test
	void metricNamesWhenLabelValuesLookLikeMetricsThenIgnoresThem() {
		assertThat(PromQl.metricNames("up{job=\"security_attacks_total\", instance='a{b}', x=`c\"d`} == bool 1"))
			.containsExactly("up");
	}

	@Test
	void metricNamesWhenNumbersDurationsAndSubqueriesThenIgnoresThem() {
		assertThat(PromQl.metricNames("max_over_time(rate(a_total[5m])[1h:30s]) * 1e3 + 0x1f - .5 + Inf + NaN"))
			.containsExactly("a_total");
	}

	@Test
	void metricNamesWhenAggregationModifierFollowsThenSkipsTheLabelList() {
		assertThat(PromQl.metricNames("sum(rate(b_total[1m])) by (endpoint, method) / count without(x) (c)"))
			.containsExactly("b_total", "c");
	}

	@Test
	void metricNamesWhenSelectingByNameMatcherThenRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> PromQl.metricNames("{__name__=~\"security_.*\"}"))
			.withMessageContaining("__name__");
	}

	@Test
	void metricNamesWhenStringUnterminatedThenRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> PromQl.metricNames("up{job=\"x}"))
			.withMessageContaining("Unterminated");
	}

	@Test
	void metricNamesWhenBracketsUnbalancedThenRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> PromQl.metricNames("rate(x_total[5m)"))
			.withMessageContaining("Unbalanced");
	}

	@Test
	void variableQueryMetricNamesWhenLabelValuesOfMetricThenFindsTheMetric() {
		assertThat(PromQl.variableQueryMetricNames("label_values(http_requests_total{job=~\"$job\", a=\"x,y\"}, service)"))
			.containsExactly("http_requests_total");
	}

	@Test
	void variableQueryMetricNamesWhenLabelValuesOfLabelOnlyThenFindsNone() {
		assertThat(PromQl.variableQueryMetricNames("label_values(job)")).isEmpty();
	}

	@Test
	void substituteVariablesWhenGrafanaVariablesThenRunnableValues() {
		assertThat(MonitoringFiles.substituteVariables(
				"rate(x{job=~\"$job\",instance=~\"${instance}\",service=~\"$service\"}[$__rate_interval])"))
			.isEqualTo("rate(x{job=~\".*\",instance=~\".*\",service=~\".*\"}[1m])");
	}

}
