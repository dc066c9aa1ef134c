package dev.aisd.observability.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.test.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code prometheus.yml} is valid for promtool, scrapes every target once and loads every rule file.
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
	void configWhenParsedThenEveryTargetIsScrapedByExactlyOneJob() {
		// Two jobs on one target double up, count(up) and every sum() over the target.
		Map<String, Object> config = MonitoringFiles.yaml(this.files.prometheusConfig());
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		Map<String, String> jobOfTarget = new HashMap<>();
		for (Map<String, Object> job : jobs) {
			for (Map<String, Object> staticConfig : (List<Map<String, Object>>) job.get("static_configs")) {
				for (String target : (List<String>) staticConfig.get("targets")) {
					String other = jobOfTarget.put(target + job.get("metrics_path"), (String) job.get("job_name"));
					assertThat(other).as("%s scraped by jobs %s and %s", target, other, job.get("job_name")).isNull();
				}
			}
		}
		assertThat(jobs).singleElement().satisfies((job) -> assertThat(job).containsEntry("job_name", "services")
			.containsEntry("metrics_path", "/metrics")
			.doesNotContainKey("metric_relabel_configs"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void configWhenParsedThenLoadsEveryRuleFileAndAlertsToAlertmanager() {
		Map<String, Object> config = MonitoringFiles.yaml(this.files.prometheusConfig());
		assertThat((List<String>) config.get("rule_files")).containsExactly("rules/*.yml");
		assertThat(config.get("alerting").toString()).contains("alertmanagers", "localhost:9093");
	}

}
