package dev.aisd.observability.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code prometheus.yml} is valid for promtool and has the jobs the docs promise.
 */
class PrometheusConfigTests {

	private final MonitoringFiles files = MonitoringFiles.locate();

	@Test
	void checkConfigWhenShippedConfigThenPromtoolAcceptsItAndItsRuleFiles() {
		ExternalTool.Result result = ExternalTool.run(this.files.root(), Duration.ofMinutes(1),
				List.of("promtool", "check", "config", "prometheus.yml"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isZero();
		assertThat(result.output()).contains("rule files found");
	}

	@Test
	void checkConfigWhenARuleIsBrokenThenPromtoolRejectsIt(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("prometheus.yml"), "rule_files: [broken.yml]\n");
		Files.writeString(dir.resolve("broken.yml"),
				"groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: rate(x_total[5m]\n");
		ExternalTool.Result result = ExternalTool.run(dir, Duration.ofMinutes(1),
				List.of("promtool", "check", "config", "prometheus.yml"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isNotZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void configWhenParsedThenServicesJobDropsAndSecurityJobKeepsOnlySecuritySeries() {
		Map<String, Object> config = MonitoringFiles.yaml(this.files.prometheusConfig());
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		Map<String, Object> services = job(jobs, "services");
		Map<String, Object> security = job(jobs, "security");
		assertThat(services).containsEntry("metrics_path", "/metrics");
		assertThat(security).containsEntry("metrics_path", "/metrics");
		assertThat((List<Map<String, Object>>) services.get("metric_relabel_configs"))
			.anySatisfy((relabel) -> assertThat(relabel).containsEntry("action", "drop")
				.containsEntry("regex", "security_.*")
				.containsEntry("source_labels", List.of("__name__")));
		assertThat((List<Map<String, Object>>) security.get("metric_relabel_configs"))
			.singleElement()
			.satisfies((relabel) -> assertThat(relabel).containsEntry("action", "keep")
				.containsEntry("regex", "security_.*")
				.containsEntry("source_labels", List.of("__name__")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void configWhenParsedThenLoadsEveryRuleFileAndAlertsToAlertmanager() {
		Map<String, Object> config = MonitoringFiles.yaml(this.files.prometheusConfig());
		assertThat((List<String>) config.get("rule_files")).containsExactly("rules/*.yml");
		assertThat(config.get("alerting").toString()).contains("alertmanagers", "localhost:9093");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> job(List<Map<String, Object>> jobs, String name) {
		return jobs.stream()
			.filter((job) -> name.equals(job.get("job_name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No job " + name));
	}

}
