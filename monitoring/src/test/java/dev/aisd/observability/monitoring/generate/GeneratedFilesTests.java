package dev.aisd.observability.monitoring.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.monitoring.MonitoringFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed generated files are exactly what the generator renders from the
 * committed sources ({@code monitoring/generate.sh} writes them).
 */
class GeneratedFilesTests {

	private final Path repository = MonitoringFiles.locate().root().getParent();

	@Test
	void generatedFilesWhenRenderedThenEqualTheCommittedFiles() {
		Map<String, String> rendered = new MonitoringGenerator(this.repository).render();
		List<String> stale = new ArrayList<>();
		rendered.forEach((path, content) -> {
			Path file = this.repository.resolve(path);
			if (!Files.isRegularFile(file)) {
				stale.add(path + " (missing)");
			}
			else if (!MonitoringGenerator.read(file).equals(content)) {
				stale.add(path);
			}
		});
		assertThat(stale).withFailMessage(
				"Generated files differ from what their sources render; run monitoring/generate.sh and commit: %s",
				stale)
			.isEmpty();
		assertThat(rendered).containsKeys("monitoring/rules/slo-recording.yml", "monitoring/rules/slo-alerts.yml",
				"monitoring/tests/slo.test.yml", "monitoring/grafana/dashboards/slo-error-budget.json");
	}

	@Test
	void renderWhenRunTwiceThenGivesTheSameFiles() {
		assertThat(new MonitoringGenerator(this.repository).render())
			.isEqualTo(new MonitoringGenerator(this.repository).render());
	}

}
