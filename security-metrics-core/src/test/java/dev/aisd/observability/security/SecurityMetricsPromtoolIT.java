package dev.aisd.observability.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.aisd.observability.test.ExternalTool;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints the whole catalogue's exposition with Prometheus' own parser and linter,
 * {@code promtool check metrics} (installed by the CI entry point with the
 * {@code prometheus} package).
 */
class SecurityMetricsPromtoolIT {

	@Test
	void promtoolCheckMetricsWhenEveryFamilyRecordedThenParsesWithoutLintProblems() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SecurityMetricsCollector collector = new SecurityMetricsCollector(registry);
		SecurityMetricsExpositionTests.recordEveryFamily(collector);
		collector.recordWafRuleTrigger("a\"b\\c\nd{e}=\u00e9", "high");
		collector.updateThreatLevel(9);
		String scrape = registry.scrape();

		ExternalTool.Result promtool = ExternalTool.run(Path.of("."), Duration.ofSeconds(60),
				List.of("promtool", "check", "metrics"), scrape);
		assertThat(promtool.exitCode()).as(promtool.describe()).isZero();
		assertThat(promtool.output()).isEmpty();
	}

}
