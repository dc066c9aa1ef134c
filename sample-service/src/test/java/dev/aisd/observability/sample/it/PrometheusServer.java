package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (the {@code prometheus} binary on the PATH) started as a
 * subprocess on a free loopback port with temporary storage, for integration tests.
 */
public final class PrometheusServer implements AutoCloseable {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path directory;

	private final Process process;

	private final int port;

	private PrometheusServer(Path directory, Process process, int port) {
		this.directory = directory;
		this.process = process;
		this.port = port;
	}

	/**
	 * Start Prometheus with the given configuration and wait until it is ready.
	 * @param config the content of prometheus.yml
	 * @param extraFiles files to place beside prometheus.yml (name, content pairs), such
	 * as rule files the configuration names
	 * @return the running server
	 * @throws IOException if the process cannot start
	 */
	public static PrometheusServer start(String config, String... extraFiles) throws IOException {
		return start(config, List.of(), extraFiles);
	}

	/**
	 * Start Prometheus with the given configuration and extra command-line flags, and
	 * wait until it is ready.
	 * @param config the content of prometheus.yml
	 * @param extraArguments flags appended to the command line, such as
	 * {@code --rules.alert.resend-delay=1s}
	 * @param extraFiles files to place beside prometheus.yml (name, content pairs), such
	 * as rule files the configuration names
	 * @return the running server
	 * @throws IOException if the process cannot start
	 */
	public static PrometheusServer start(String config, List<String> extraArguments, String... extraFiles)
			throws IOException {
		Path directory = Files.createTempDirectory("prometheus-it");
		Files.writeString(directory.resolve("prometheus.yml"), config);
		for (int i = 0; i + 1 < extraFiles.length; i += 2) {
			Path file = directory.resolve(extraFiles[i]);
			Files.createDirectories(file.getParent());
			Files.writeString(file, extraFiles[i + 1]);
		}
		int port = freePort();
		List<String> command = new ArrayList<>(List.of("prometheus",
				"--config.file=" + directory.resolve("prometheus.yml"),
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				"--web.enable-lifecycle", "--log.level=warn"));
		command.addAll(extraArguments);
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("prometheus.log").toFile())
			.start();
		PrometheusServer server = new PrometheusServer(directory, process, port);
		try {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(server::isReady);
		}
		catch (RuntimeException ex) {
			String log = server.log();
			server.close();
			throw new IllegalStateException("Prometheus did not become ready; its log:\n" + log, ex);
		}
		return server;
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
	 * Return the base URL of the server's HTTP API.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Run an instant query and return the {@code data.result} array.
	 * @param promql the query
	 * @return the result array (empty when the query returned no data)
	 */
	public JsonNode query(String promql) {
		JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		if (!"success".equals(body.path("status").asString())) {
			throw new IllegalStateException("Query " + promql + " failed: " + body);
		}
		return body.path("data").path("result");
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
			return Files.readString(this.directory.resolve("prometheus.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private boolean isReady() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("Prometheus exited with " + this.process.exitValue());
		}
		try {
			HttpResponse<Void> response = this.http.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + "/-/ready")).timeout(Duration.ofSeconds(1)).build(),
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
		deleteRecursively(this.directory);
	}

	private static void deleteRecursively(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort: a temp directory left behind does no harm.
		}
	}

}
