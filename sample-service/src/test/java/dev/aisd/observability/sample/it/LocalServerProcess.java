package dev.aisd.observability.sample.it;

import java.io.IOException;
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

import dev.aisd.observability.test.ServerProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server of these integration tests, launched by the shared {@link ServerProcess} on a
 * free loopback port, with a temporary directory for its configuration and data: a binary
 * of the Prometheus family (ready when {@code GET /-/ready} answers 200) or a JVM server
 * with its own readiness path. Adds what the tests ask of such a server: its address and a
 * JSON GET of its HTTP API.
 */
abstract class LocalServerProcess implements AutoCloseable {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Path directory;

	private final int port;

	private ServerProcess process;

	/**
	 * Prepare a server in a new temporary directory on a free port.
	 * @param name the name of the server, for messages, the directory and the log file
	 * @throws IOException if the directory cannot be created
	 */
	LocalServerProcess(String name) throws IOException {
		this.name = name;
		this.directory = Files.createTempDirectory(name + "-it");
		this.port = ServerProcess.freePort();
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
	 * Start the process and wait until it is ready; on failure, clean up and report its
	 * log.
	 * @param command the command line
	 */
	void launch(List<String> command) {
		launch(command, Map.of());
	}

	/**
	 * Start the process with extra environment variables and wait until it is ready; on
	 * failure, clean up and report its log.
	 * @param command the command line
	 * @param environment variables added to the inherited environment
	 */
	void launch(List<String> command, Map<String, String> environment) {
		try {
			this.process = ServerProcess.builder(this.name, command)
				.workingDirectory(this.directory)
				.environment(environment)
				.readyWhenOk(baseUrl() + readyPath())
				.startTimeout(startTimeout())
				.start();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
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

	/**
	 * Return the loopback port the server listens on.
	 * @return the port
	 */
	public int port() {
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
		return this.process.log();
	}

	/**
	 * Return the file the process writes its standard output and error to.
	 * @return the log file
	 */
	Path logFile() {
		return this.process.logFile();
	}

	/**
	 * Stop the process and remove its directory (the log, under {@code target/}, stays).
	 * Safe to call more than once.
	 */
	@Override
	public void close() {
		if (this.process != null) {
			this.process.close();
		}
		try (var paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort (or already removed): a temp directory left behind does no harm.
		}
	}

}
