package dev.aisd.observability.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a command-line tool that exits by itself ({@code promtool}, {@code amtool}, a shell
 * script) and captures its exit code and combined output: the one way the tests of every
 * module run one. Servers that keep running are {@link ServerProcess}es.
 */
public final class ExternalTool {

	private ExternalTool() {
	}

	/**
	 * Run a command in a directory and wait for it.
	 * @param directory the working directory
	 * @param timeout how long to wait before killing the process
	 * @param command the command and its arguments
	 * @return the exit code and the output
	 */
	public static Result run(Path directory, Duration timeout, List<String> command) {
		return run(directory, timeout, command, null);
	}

	/**
	 * Run a command in a directory with the given standard input and wait for it.
	 * @param directory the working directory
	 * @param timeout how long to wait before killing the process
	 * @param command the command and its arguments
	 * @param input what to write to the tool's standard input (UTF-8), or {@code null}
	 * to close it at once
	 * @return the exit code and the output
	 */
	public static Result run(Path directory, Duration timeout, List<String> command, String input) {
		Process process;
		try {
			process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + command.get(0)
					+ ": install it (Debian packages prometheus and prometheus-alertmanager) and put it on the PATH",
					ex);
		}
		// Read concurrently so a chatty tool cannot block on a full pipe while we write.
		CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
		try {
			writeInput(process, input);
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish within " + timeout);
			}
			return new Result(command, process.exitValue(), output.get(5, TimeUnit.SECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException("Interrupted while running " + command, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot read the output of " + command, ex);
		}
	}

	private static void writeInput(Process process, String input) {
		try (OutputStream stdin = process.getOutputStream()) {
			if (input != null) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// The tool exited without reading all of it; its exit code and output say why.
		}
	}

	private static String readAll(InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(output unreadable: " + ex.getMessage() + ")";
		}
	}

	/**
	 * What a tool run produced.
	 *
	 * @param command the command that ran
	 * @param exitCode its exit code
	 * @param output its standard output and error, interleaved
	 */
	public record Result(List<String> command, int exitCode, String output) {

		/**
		 * Describe the run for an assertion message.
		 * @return the command, exit code and output
		 */
		public String describe() {
			return String.join(" ", this.command) + " exited with " + this.exitCode + ":\n" + this.output;
		}

	}

}
