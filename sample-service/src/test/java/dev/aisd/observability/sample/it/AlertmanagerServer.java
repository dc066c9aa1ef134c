package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A real Alertmanager (the {@code prometheus-alertmanager} binary on the PATH) started as
 * a subprocess on a free loopback port with temporary storage and clustering off, for
 * integration tests.
 */
public final class AlertmanagerServer extends LocalServerProcess {

	private AlertmanagerServer() throws IOException {
		super("alertmanager");
	}

	/**
	 * Start Alertmanager with the given configuration and wait until it is ready.
	 * @param config the content of alertmanager.yml
	 * @return the running server
	 * @throws IOException if its directory or files cannot be written
	 */
	public static AlertmanagerServer start(String config) throws IOException {
		AlertmanagerServer server = new AlertmanagerServer();
		server.launch(List.of("prometheus-alertmanager",
				"--config.file=" + server.writeFile("alertmanager.yml", config),
				"--storage.path=" + server.directory().resolve("data"),
				"--web.listen-address=127.0.0.1:" + server.port(),
				// An empty address switches the gossip cluster off: no extra port, no peers.
				"--cluster.listen-address=", "--log.level=warn"));
		return server;
	}

	/**
	 * Return the address Prometheus should send alerts to.
	 * @return host and port
	 */
	public String address() {
		return "127.0.0.1:" + port();
	}

	/**
	 * Return the alerts Alertmanager currently holds ({@code GET /api/v2/alerts}).
	 * @return the JSON array of alerts
	 */
	public JsonNode alerts() {
		return get("/api/v2/alerts");
	}

}
