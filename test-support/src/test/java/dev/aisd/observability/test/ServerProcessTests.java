package dev.aisd.observability.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link ServerProcess} on real subprocesses (a JVM running {@link StubServer}).
 */
class ServerProcessTests {

	@TempDir
	Path logs;

	@Test
	void startWhenUrlAnswers200ThenReadyLoggingToAFileAndStoppedOnClose() {
		int port = ServerProcess.freePort();
		ServerProcess server;
		try (ServerProcess started = stub("serve", port, 200).readyWhenOk(url(port)).start()) {
			server = started;
			assertThat(server.isAlive()).isTrue();
			assertThat(server.logFile()).hasParent(this.logs).isRegularFile();
			assertThat(server.logFile().getFileName().toString()).startsWith("stub-").endsWith(".log");
			assertThat(server.log()).contains("stub listening on " + port);
		}
		assertThat(server.isAlive()).isFalse();
		// The log outlives the process, for whoever reads the build's output.
		assertThat(server.logFile()).isRegularFile();
	}

	@Test
	void startWithoutLogDirectoryThenLogsUnderTarget() {
		int port = ServerProcess.freePort();
		try (ServerProcess server = ServerProcess.builder("stub", command("serve", port, 200))
			.readyWhenOk(url(port))
			.start()) {
			assertThat(server.logFile().toAbsolutePath().getParent())
				.isEqualTo(ServerProcess.DEFAULT_LOG_DIRECTORY.toAbsolutePath());
		}
	}

	@Test
	void startWhenProcessExitsFirstThenFailsWithExitCodeAndTheTailOfItsLog() {
		int port = ServerProcess.freePort();
		assertThatIllegalStateException()
			.isThrownBy(() -> stub("exit", 3, 100).readyWhenOk(url(port)).start())
			.withMessageContaining("stub exited with code 3 before it answered at " + url(port))
			.withMessageContaining("last 40 lines of")
			.withMessageContaining("line 61\n")
			.withMessageEndingWith("line 100")
			.withMessageNotContaining("line 60\n");
	}

	@Test
	void startWhenUrlNeverAnswers200ThenFailsAfterTheTimeoutAndStopsTheProcess() {
		int port = ServerProcess.freePort();
		assertThatIllegalStateException()
			.isThrownBy(() -> stub("serve", port, 503).readyWhenOk(url(port)).startTimeout(Duration.ofSeconds(2)).start())
			.withMessageContaining("stub did not answer 200 at " + url(port) + " within PT2S")
			.withMessageContaining("stub listening on " + port);
		// Stopped: the port is free again.
		try (ServerProcess again = stub("serve", port, 200).readyWhenOk(url(port)).start()) {
			assertThat(again.isAlive()).isTrue();
		}
	}

	@Test
	void startWhenCommandIsMissingThenSaysSo() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ServerProcess.builder("ghost", List.of("no-such-binary-for-tests"))
				.logDirectory(this.logs)
				.readyWhenOk("http://127.0.0.1:1/")
				.start())
			.withMessage("Cannot start ghost (no-such-binary-for-tests): is it installed and on the PATH?");
	}

	@Test
	void startWithoutReadinessUrlThenRefused() {
		assertThatIllegalStateException().isThrownBy(() -> stub("serve", 1, 200).start())
			.withMessage("No readiness URL for stub: call readyWhenOk(url)");
	}

	@Test
	void stopWhenProcessExitsOnSigtermThenReportsAnOrderlyExit() {
		int port = ServerProcess.freePort();
		try (ServerProcess server = stub("serve", port, 200).readyWhenOk(url(port)).start()) {
			assertThat(server.stop(Duration.ofSeconds(30))).isTrue();
			assertThat(server.isAlive()).isFalse();
			assertThat(server.stop(Duration.ofSeconds(30))).isTrue();
		}
	}

	@Test
	void externalToolWhenGivenInputThenCapturesExitCodeAndOutput() {
		ExternalTool.Result result = ExternalTool.run(this.logs, Duration.ofMinutes(1), command("echo"),
				"caf\u00e9\nsecond line\n");
		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).isEqualTo("caf\u00e9\nsecond line\n");
	}

	@Test
	void externalToolWhenToolFailsThenDescribesTheRun() {
		ExternalTool.Result result = ExternalTool.run(this.logs, Duration.ofMinutes(1), command("exit", 2, 1));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.describe()).endsWith(" exit 2 1 exited with 2:\nline 1\n");
	}

	@Test
	void externalToolWhenMissingThenSaysWhatToInstall() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ExternalTool.run(this.logs, Duration.ofSeconds(5), List.of("no-such-tool-for-tests")))
			.withMessageStartingWith("Cannot start no-such-tool-for-tests: install it");
	}

	private ServerProcess.Builder stub(Object... arguments) {
		return ServerProcess.builder("stub", command(arguments)).logDirectory(this.logs);
	}

	private static List<String> command(Object... arguments) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				StubServer.class.getName()));
		for (Object argument : arguments) {
			command.add(String.valueOf(argument));
		}
		return command;
	}

	private static String url(int port) {
		return "http://127.0.0.1:" + port + "/";
	}

}
