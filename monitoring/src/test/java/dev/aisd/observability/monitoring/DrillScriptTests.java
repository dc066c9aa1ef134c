package dev.aisd.observability.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.aisd.observability.test.ExternalTool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health drill runner {@code drill/drill.py} is an executable Python 3 script (standard
 * library only) whose own unit tests pass. The drill against real processes is
 * {@code DrillIT} in the sample service.
 */
class DrillScriptTests {

	private final Path drill = MonitoringFiles.locate().root().resolve("drill");

	@Test
	void unitTestsWhenRunThenPass() {
		// -B: no __pycache__ in the source tree.
		ExternalTool.Result result = ExternalTool.run(this.drill, Duration.ofMinutes(1),
				List.of("python3", "-B", "-m", "unittest", "-v", "test_drill"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isZero();
		assertThat(result.output()).contains("OK").doesNotContain("FAILED");
	}

	@Test
	void scriptWhenAskedForHelpThenDescribesItsOptionsAndIsExecutable() {
		assertThat(Files.isExecutable(this.drill.resolve("drill.py"))).isTrue();
		ExternalTool.Result result = ExternalTool.run(this.drill, Duration.ofSeconds(30),
				List.of("python3", "-B", "drill.py", "--help"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isZero();
		assertThat(result.output()).contains("--operator-password", "--alertmanager", "--zipkin", "--log");
	}

	@Test
	void scriptWhenARequiredBackendIsMissingThenIsAUsageError() {
		ExternalTool.Result result = ExternalTool.run(this.drill, Duration.ofSeconds(30),
				List.of("python3", "-B", "drill.py", "--app", "http://127.0.0.1:1"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isEqualTo(2);
		assertThat(result.output()).contains("required");
	}

	@Test
	void scriptWhenTheServiceIsUnreachableThenDoesNotRun() {
		ExternalTool.Result result = ExternalTool.run(this.drill, Duration.ofSeconds(30),
				List.of("python3", "-B", "drill.py", "--app", "http://127.0.0.1:1", "--prometheus", "http://127.0.0.1:1",
						"--alertmanager", "http://127.0.0.1:1", "--zipkin", "http://127.0.0.1:1", "--log", "none.log"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isEqualTo(2);
		assertThat(result.output()).contains("DRILL NOT RUN: service is not ready");
	}

}
