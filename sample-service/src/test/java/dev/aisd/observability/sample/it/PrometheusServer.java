package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus server (the {@code prometheus} binary on the PATH) started as a
 * subprocess on a free loopback port with temporary storage, for integration tests.
 */
public final class PrometheusServer extends LocalServerProcess {

	private PrometheusServer() throws IOException {
		super("prometheus");
	}

	/**
	 * Start Prometheus with the given configuration and wait until it is ready.
	 * @param config the content of prometheus.yml
	 * @param extraFiles files to place beside prometheus.yml (name, content pairs), such
	 * as rule files the configuration names
	 * @return the running server
	 * @throws IOException if its directory or files cannot be written
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
	 * @throws IOException if its directory or files cannot be written
	 */
	public static PrometheusServer start(String config, List<String> extraArguments, String... extraFiles)
			throws IOException {
		PrometheusServer server = new PrometheusServer();
		for (int i = 0; i + 1 < extraFiles.length; i += 2) {
			server.writeFile(extraFiles[i], extraFiles[i + 1]);
		}
		List<String> command = new ArrayList<>(List.of("prometheus",
				"--config.file=" + server.writeFile("prometheus.yml", config),
				"--storage.tsdb.path=" + server.directory().resolve("data"),
				"--web.listen-address=127.0.0.1:" + server.port(), "--web.enable-lifecycle", "--log.level=warn"));
		command.addAll(extraArguments);
		server.launch(command);
		return server;
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

}
