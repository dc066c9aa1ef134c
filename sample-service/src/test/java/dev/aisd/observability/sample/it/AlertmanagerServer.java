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
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Alertmanager (the {@code prometheus-alertmanager} binary on the PATH) started as
 * a subprocess on a free loopback port with temporary storage and clustering off, for
 * integration tests.
 */
public final class AlertmanagerServer implements AutoCloseable {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path directory;

	private final Process process;

	private final int port;

	private AlertmanagerServer(Path directory, Process process, int port) {
		this.directory = directory;
		this.process = process;
		this.port = port;
	}

	/**
	 * Start Alertmanager with the given configuration and wait until it is ready.
	 * @param config the content of alertmanager.yml
	 * @return the running server
	 * @throws IOException if the process cannot start
	 */
	public static AlertmanagerServer start(String config) throws IOException {
		Path directory = Files.createTempDirectory("alertmanager-it");
		Files.writeString(directory.resolve("alertmanager.yml"), config);
		int port = PrometheusServer.freePort();
		List<String> command = List.of("prometheus-alertmanager",
				"--config.file=" + directory.resolve("alertmanager.yml"),
				"--storage.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				// An empty address switches the gossip cluster off: no extra port, no peers.
				"--cluster.listen-address=", "--log.level=warn");
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("alertmanager.log").toFile())
			.start();
		AlertmanagerServer server = new AlertmanagerServer(directory, process, port);
		try {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(server::isReady);
		}
		catch (RuntimeException ex) {
			String log = server.log();
			server.close();
			throw new IllegalStateException("Alertmanager did not become ready; its log:\n" + log, ex);
		}
		return server;
	}

	/**
	 * Return the address Prometheus should send alerts to.
	 * @return host and port
	 */
	public String address() {
		return "127.0.0.1:" + this.port;
	}

	/**
	 * Return the alerts Alertmanager currently holds ({@code GET /api/v2/alerts}).
	 * @return the JSON array of alerts
	 */
	public JsonNode alerts() {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest
				.newBuilder(URI.create("http://" + address() + "/api/v2/alerts"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET /api/v2/alerts failed", ex);
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
			return Files.readString(this.directory.resolve("alertmanager.log"));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private boolean isReady() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("Alertmanager exited with " + this.process.exitValue());
		}
		try {
			HttpResponse<Void> response = this.http.send(HttpRequest
				.newBuilder(URI.create("http://" + address() + "/-/ready"))
				.timeout(Duration.ofSeconds(1))
				.build(), HttpResponse.BodyHandlers.discarding());
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
		try (var paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort: a temp directory left behind does no harm.
		}
	}

}
