package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A server started as a subprocess on a free loopback port, in a temporary directory that
 * holds its configuration, data and log, for integration tests: a binary of the
 * Prometheus family (ready when {@code GET /-/ready} answers 200) or a JVM server with
 * its own readiness path.
 */
abstract class LocalServerProcess implements AutoCloseable {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Path directory;

	private final int port;

	private Process process;

	/**
	 * Prepare a server in a new temporary directory on a free port.
	 * @param name the name of the server, for messages, the directory and the log file
	 * @throws IOException if the directory cannot be created or no port is free
	 */
	LocalServerProcess(String name) throws IOException {
		this.name = name;
		this.directory = Files.createTempDirectory(name + "-it");
		this.port = freePort();
	}

	/**
	 * Return a free loopback TCP port.
	 * @return the port
	 * @throws IOException if no port can be found
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Write a file into the server's directory, creating parent directories.
	 * @param relativePath the path inside the directory
	 * @param content the content
	 * @return the written file
	 * @throws IOException if the file cannot be written
	 */
	Path writeFile(String relativePath, String content) throws IOException {
		Path file = this.directory.resolve(relativePath);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	/**
	 * Start the process and wait until it is ready; on failure, stop it and report its log.
	 * @param command the command line
	 * @throws IOException if the process cannot start
	 */
	void launch(List<String> command) throws IOException {
		launch(command, Map.of());
	}

	/**
	 * Start the process with extra environment variables and wait until it is ready; on
	 * failure, stop it and report its log.
	 * @param command the command line
	 * @param environment variables added to the inherited environment
	 * @throws IOException if the process cannot start
	 */
	void launch(List<String> command, Map<String, String> environment) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile().toFile());
		builder.environment().putAll(environment);
		this.process = builder.start();
		try {
			await().atMost(startTimeout()).pollInterval(Duration.ofMillis(200)).until(this::isReady);
		}
		catch (RuntimeException ex) {
			String log = log();
			close();
			throw new IllegalStateException(this.name + " did not become ready; its log:\n" + log, ex);
		}
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Return the path that answers 200 once the server is ready.
	 * @return the path
	 */
	String readyPath() {
		return "/-/ready";
	}

	/**
	 * Return how long the server may take to become ready.
	 * @return the timeout
	 */
	Duration startTimeout() {
		return Duration.ofSeconds(30);
	}

	int port() {
		return this.port;
	}

	/**
	 * Return the base URL of the server's HTTP API.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * GET a path of the HTTP API and parse the JSON answer.
	 * @param pathAndQuery the path and query string
	 * @return the parsed body
	 */
	public JsonNode get(String pathAndQuery) {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + pathAndQuery + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * Return what the process has logged so far.
	 * @return the log
	 */
	public String log() {
		try {
			return Files.readString(logFile());
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * Return the file the process writes its standard output and error to.
	 * @return the log file
	 */
	Path logFile() {
		return this.directory.resolve(this.name + ".log");
	}

	private boolean isReady() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.name + " exited with " + this.process.exitValue());
		}
		try {
			HttpResponse<Void> response = this.http.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + readyPath())).timeout(Duration.ofSeconds(1)).build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		if (this.process != null) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.process.destroyForcibly();
			}
		}
		try (var paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort: a temp directory left behind does no harm.
		}
	}

}
