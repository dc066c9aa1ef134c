package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Zipkin server ({@code io.zipkin:zipkin-server:exec}, in-memory storage) started
 * as a JVM subprocess on a free loopback port. The build copies the jar to the path of the
 * {@code zipkin.server.jar} system property.
 */
public final class ZipkinServer extends LocalServerProcess {

	private ZipkinServer() throws IOException {
		super("zipkin");
	}

	/**
	 * Start Zipkin and wait until {@code /health} answers 200.
	 * @return the running server
	 * @throws IOException if its directory or files cannot be written
	 */
	public static ZipkinServer start() throws IOException {
		String jar = System.getProperty("zipkin.server.jar");
		if (jar == null || !Path.of(jar).toFile().isFile()) {
			throw new IllegalStateException("No Zipkin server jar at system property zipkin.server.jar (" + jar
					+ "): run the integration tests through Maven (failsafe), which copies it");
		}
		ZipkinServer server = new ZipkinServer();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// C1 only and a small heap: a test server starts faster and leaves CPU to the rest.
		server.launch(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar,
				"--armeria.ports[0].port=" + server.port(), "--armeria.ports[0].ip=127.0.0.1",
				"--armeria.ports[0].protocols[0]=http"),
				Map.of("STORAGE_TYPE", "mem", "SELF_TRACING_ENABLED", "false"));
		return server;
	}

	/**
	 * Return the URL spans are posted to in the Zipkin v2 JSON format.
	 * @return the span endpoint
	 */
	public String spansEndpoint() {
		return baseUrl() + "/api/v2/spans";
	}

	@Override
	String readyPath() {
		return "/health";
	}

	@Override
	Duration startTimeout() {
		return Duration.ofMinutes(3);
	}

}
