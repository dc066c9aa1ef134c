package dev.aisd.observability.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

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
	void promtoolCheckMetricsWhenEveryFamilyRecordedThenParsesWithoutLintProblems() throws Exception {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SecurityMetricsCollector collector = new SecurityMetricsCollector(registry);
		SecurityMetricsExpositionTests.recordEveryFamily(collector);
		collector.recordWafRuleTrigger("a\"b\\c\nd{e}=\u00e9", "high");
		collector.updateThreatLevel(9);
		String scrape = registry.scrape();

		Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
		try (OutputStream stdin = promtool.getOutputStream()) {
			stdin.write(scrape.getBytes(StandardCharsets.UTF_8));
		}
		String output = read(promtool.getInputStream());
		assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(promtool.exitValue()).as(output).isZero();
		assertThat(output).isEmpty();
	}

	private static String read(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

}
