package dev.aisd.observability.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A real server (Prometheus, Alertmanager, Zipkin, the packaged sample service, a script
 * that starts them) run as a subprocess for an integration test: the one way the tests of
 * every module launch one. The process writes its standard output and error to a log
 * file under {@code target/} that is kept after the test, {@link #start()} returns once
 * an HTTP URL answers 200, a start that fails (the process exits, the URL never answers)
 * reports the tail of that log, and {@link #close()} stops the process.
 * <pre>{@code
 * int port = ServerProcess.freePort();
 * try (ServerProcess prometheus = ServerProcess.builder("prometheus",
 *         List.of("prometheus", "--web.listen-address=127.0.0.1:" + port, ...))
 *     .readyWhenOk("http://127.0.0.1:" + port + "/-/ready")
 *     .start()) {
 *     ...
 * }
 * }</pre>
 */
public final class ServerProcess implements AutoCloseable {

	/** Where log files go unless the builder says otherwise, relative to the module's directory. */
	public static final Path DEFAULT_LOG_DIRECTORY = Path.of("target", "process-logs");

	private static final int LOG_TAIL_LINES = 40;

	private static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private final String name;

	private final Process process;

	private final Path logFile;

	private ServerProcess(String name, Process process, Path logFile) {
		this.name = name;
		this.process = process;
		this.logFile = logFile;
	}

	/**
	 * Start describing a server process.
	 * @param name a short name for messages and the log file, such as {@code prometheus}
	 * @param command the command and its arguments
	 * @return a builder
	 */
	public static Builder builder(String name, List<String> command) {
		return new Builder(name, command);
	}

	/**
	 * Return a TCP port that is free on the loopback interface now, for a server's
	 * command line. (Another process may take it before the server binds it; on this
	 * scale that race is theoretical.)
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free loopback port", ex);
		}
	}

	/**
	 * Return the file the process writes its standard output and error to.
	 * @return the absolute path of the log file
	 */
	public Path logFile() {
		return this.logFile;
	}

	/**
	 * Return what the process has written so far.
	 * @return the log
	 */
	public String log() {
		try {
			return Files.readString(this.logFile);
		}
		catch (IOException ex) {
			return "(log " + this.logFile + " unreadable: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Return whether the process is still running.
	 * @return whether it runs
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Ask the process to stop (SIGTERM) and wait for it, killing it once the grace period
	 * is over.
	 * @param grace how long the process may take to exit by itself
	 * @return whether it exited by itself within the grace period
	 */
	public boolean stop(Duration grace) {
		if (!this.process.isAlive()) {
			return true;
		}
		this.process.destroy();
		try {
			if (this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				return true;
			}
			this.process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		return false;
	}

	/**
	 * Stop the process, killing it if it has not exited ten seconds after SIGTERM. Safe to
	 * call more than once.
	 */
	@Override
	public void close() {
		stop(STOP_GRACE);
	}

	@Override
	public String toString() {
		return this.name + " (pid " + this.process.pid() + ", log " + this.logFile + ")";
	}

	private String logTail() {
		List<String> lines = log().lines().toList();
		int from = Math.max(0, lines.size() - LOG_TAIL_LINES);
		String heading = (from > 0) ? "last " + LOG_TAIL_LINES + " lines of " : "";
		return heading + this.logFile + ":\n" + String.join("\n", lines.subList(from, lines.size()));
	}

	/**
	 * How to start a {@link ServerProcess}.
	 */
	public static final class Builder {

		private final String name;

		private final List<String> command;

		private final Map<String, String> environment = new LinkedHashMap<>();

		private Path workingDirectory;

		private Path logDirectory = DEFAULT_LOG_DIRECTORY;

		private URI readyUrl;

		private Duration startTimeout = Duration.ofSeconds(30);

		private Builder(String name, List<String> command) {
			if (command.isEmpty()) {
				throw new IllegalArgumentException("A command is needed to start " + name);
			}
			this.name = name;
			this.command = List.copyOf(command);
		}

		/**
		 * Add environment variables to the inherited environment.
		 * @param variables the variables
		 * @return this builder
		 */
		public Builder environment(Map<String, String> variables) {
			this.environment.putAll(variables);
			return this;
		}

		/**
		 * Run the process in a directory (by default the test's own working directory).
		 * @param directory the working directory
		 * @return this builder
		 */
		public Builder workingDirectory(Path directory) {
			this.workingDirectory = directory;
			return this;
		}

		/**
		 * Write the log file into another directory than {@link #DEFAULT_LOG_DIRECTORY}.
		 * @param directory the directory, created when missing
		 * @return this builder
		 */
		public Builder logDirectory(Path directory) {
			this.logDirectory = directory;
			return this;
		}

		/**
		 * Consider the server ready once a GET of this URL answers 200.
		 * @param url the readiness URL, such as {@code http://127.0.0.1:9090/-/ready}
		 * @return this builder
		 */
		public Builder readyWhenOk(String url) {
			this.readyUrl = URI.create(url);
			return this;
		}

		/**
		 * Allow the server this long to become ready (30 seconds unless set).
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder startTimeout(Duration timeout) {
			this.startTimeout = timeout;
			return this;
		}

		/**
		 * Start the process and wait until its readiness URL answers 200. When it exits
		 * first or the timeout passes, the process is stopped and the exception says why,
		 * with the tail of its log.
		 * @return the running server
		 * @throws IllegalStateException if the process cannot start or does not become
		 * ready
		 */
		public ServerProcess start() {
			if (this.readyUrl == null) {
				throw new IllegalStateException("No readiness URL for " + this.name + ": call readyWhenOk(url)");
			}
			ServerProcess server = launch();
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
			try {
				await().atMost(this.startTimeout)
					.pollDelay(Duration.ZERO)
					.pollInterval(Duration.ofMillis(200))
					.until(() -> isReady(server, http));
				return server;
			}
			catch (ConditionTimeoutException ex) {
				server.close();
				throw new IllegalStateException(this.name + " did not answer 200 at " + this.readyUrl + " within "
						+ this.startTimeout + "; " + server.logTail(), ex);
			}
			catch (ExitedEarly ex) {
				server.close();
				throw new IllegalStateException(this.name + " exited with code " + ex.exitCode
						+ " before it answered at " + this.readyUrl + "; " + server.logTail());
			}
			catch (RuntimeException ex) {
				server.close();
				throw ex;
			}
		}

		private ServerProcess launch() {
			Path logFile;
			try {
				// Absolute, so a tool run in another directory can be pointed at it.
				Path directory = Files.createDirectories(this.logDirectory.toAbsolutePath());
				logFile = Files.createTempFile(directory, this.name + "-", ".log");
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot create a log file for " + this.name + " in "
						+ this.logDirectory.toAbsolutePath(), ex);
			}
			ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(logFile.toFile());
			if (this.workingDirectory != null) {
				builder.directory(this.workingDirectory.toFile());
			}
			builder.environment().putAll(this.environment);
			try {
				return new ServerProcess(this.name, builder.start(), logFile);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start " + this.name + " (" + this.command.get(0)
						+ "): is it installed and on the PATH?", ex);
			}
		}

		private boolean isReady(ServerProcess server, HttpClient http) throws InterruptedException {
			if (!server.process.isAlive()) {
				throw new ExitedEarly(server.process.exitValue());
			}
			try {
				HttpRequest request = HttpRequest.newBuilder(this.readyUrl).timeout(Duration.ofSeconds(2)).build();
				return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				// Not listening yet.
				return false;
			}
		}

	}

	/** Thrown from the readiness poll to stop it at once when the process has exited. */
	private static final class ExitedEarly extends RuntimeException {

		private final int exitCode;

		ExitedEarly(int exitCode) {
			super(null, null, false, false);
			this.exitCode = exitCode;
		}

	}

}
