package dev.aisd.observability.monitoring;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.aisd.observability.monitoring.MonitoringFiles.DashboardQuery;
import dev.aisd.observability.monitoring.MonitoringFiles.Rule;

/**
 * The metric names read by the rules and dashboards, and where each is read, so that a
 * name nobody exposes can be reported with its location.
 */
public final class MetricReferences {

	private MetricReferences() {
	}

	/**
	 * Return every metric name read by a rule expression, a panel query or a template
	 * variable query, with the places that read it.
	 * @param files the monitoring files
	 * @return name to locations, sorted by name
	 */
	public static Map<String, Set<String>> of(MonitoringFiles files) {
		Map<String, Set<String>> references = new TreeMap<>();
		for (Rule rule : files.rules()) {
			for (String name : PromQl.metricNames(rule.expr())) {
				add(references, name, rule.file() + " / " + rule.name());
			}
		}
		for (DashboardQuery query : files.dashboardQueries()) {
			Set<String> names = query.variable() ? PromQl.variableQueryMetricNames(query.expr())
					: PromQl.metricNames(query.expr());
			for (String name : names) {
				add(references, name, query.location());
			}
		}
		return references;
	}

	/**
	 * Return the referenced names that are neither in {@code exposed}, nor recorded by our
	 * rules, nor written by Prometheus itself.
	 * @param references name to locations, from {@link #of(MonitoringFiles)}
	 * @param exposed the names the application exposes
	 * @param recorded the names our recording rules write
	 * @return the unknown names with their locations
	 */
	public static Map<String, Set<String>> unknown(Map<String, Set<String>> references, Set<String> exposed,
			Set<String> recorded) {
		Map<String, Set<String>> unknown = new TreeMap<>();
		references.forEach((name, locations) -> {
			if (!exposed.contains(name) && !recorded.contains(name)
					&& !MonitoringFiles.PROMETHEUS_GENERATED.contains(name)) {
				unknown.put(name, locations);
			}
		});
		return unknown;
	}

	/**
	 * Format name to locations, one name a line, for a failure message.
	 * @param references the names and locations
	 * @return the text
	 */
	public static String describe(Map<String, Set<String>> references) {
		StringBuilder text = new StringBuilder();
		references.forEach((name, locations) -> text.append("  ").append(name).append("  <- ")
			.append(String.join("; ", locations)).append('\n'));
		return text.toString();
	}

	private static void add(Map<String, Set<String>> references, String name, String location) {
		references.computeIfAbsent(name, (key) -> new TreeSet<>()).add(location);
	}

}
