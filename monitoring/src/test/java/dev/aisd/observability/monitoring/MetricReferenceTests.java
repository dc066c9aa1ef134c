package dev.aisd.observability.monitoring;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric a rule or panel reads must be one the starter exposes (the committed
 * allow-list, which MonitoringIT checks against a real scrape) or one our recording rules
 * write: a renamed metric fails the build instead of silently emptying a panel.
 */
class MetricReferenceTests {

	private final MonitoringFiles files = MonitoringFiles.locate();

	@Test
	void referencesWhenRulesAndDashboardsReadMetricsThenAllAreExposedOrRecorded() {
		Map<String, Set<String>> unknown = MetricReferences.unknown(MetricReferences.of(this.files),
				this.files.exposedMetricNames(), this.files.recordedNames());
		assertThat(unknown).withFailMessage("Metrics read by rules or dashboards but neither in exposed-metrics.txt nor recorded:%n%s",
				MetricReferences.describe(unknown)).isEmpty();
	}

	@Test
	void allowListWhenCheckedThenEveryEntryIsReadBySomething() {
		Set<String> unused = new TreeSet<>(this.files.exposedMetricNames());
		unused.removeAll(MetricReferences.of(this.files).keySet());
		assertThat(unused).as("exposed-metrics.txt lists names no rule or dashboard reads; remove them").isEmpty();
	}

	@Test
	void allowListWhenCheckedThenHoldsNoRecordingRuleOrPrometheusName() {
		Set<String> misplaced = new TreeSet<>(this.files.exposedMetricNames());
		misplaced.retainAll(union(this.files.recordedNames(), MonitoringFiles.PROMETHEUS_GENERATED));
		assertThat(misplaced).isEmpty();
	}

	@Test
	void unknownWhenMetricIsMisspelledThenReportsItWithItsLocation() {
		Map<String, Set<String>> references = Map.of("http_request_total", Set.of("service-overview.json / Requests"),
				"service:http_requests:rate5m", Set.of("rules"), "up", Set.of("panel"));
		Map<String, Set<String>> unknown = MetricReferences.unknown(references, Set.of("http_requests_total"),
				Set.of("service:http_requests:rate5m"));
		assertThat(unknown).containsOnlyKeys("http_request_total");
		assertThat(MetricReferences.describe(unknown)).contains("service-overview.json / Requests");
	}

	@Test
	void unknownWhenRecordingRuleIsNotDefinedThenReportsIt() {
		Map<String, Set<String>> unknown = MetricReferences.unknown(
				Map.of("service:nothing:rate5m", Set.of("panel")), Set.of(), this.files.recordedNames());
		assertThat(unknown).containsOnlyKeys("service:nothing:rate5m");
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new TreeSet<>(a);
		union.addAll(b);
		return union;
	}

}
