package dev.aisd.observability.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A JDK HTTP client for the endpoint tests.
 */
final class EndpointHttp {


	private EndpointHttp() {
	}

	static HttpResponse<String> get(int port, String path) {
		return get(port, path, null);
	}

	static HttpResponse<String> get(int port, String path, String user, String password) {
		return get(port, path, "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	static HttpResponse<String> get(int port, String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			// A client per call: a pooled keep-alive connection could outlive the server of an
			// earlier test context (closed gracefully, its connector paused) and take the
			// request of a later context whose server reuses the port.
			HttpClient client = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.version(HttpClient.Version.HTTP_1_1)
				.build();
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
