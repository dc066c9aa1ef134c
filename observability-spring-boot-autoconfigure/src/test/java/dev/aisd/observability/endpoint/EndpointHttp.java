package dev.aisd.observability.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A JDK HTTP client for the endpoint tests.
 */
public final class EndpointHttp {

	private EndpointHttp() {
	}

	public static HttpResponse<String> get(int port, String path) {
		return get(port, path, Map.of());
	}

	public static HttpResponse<String> get(int port, String path, String user, String password) {
		return get(port, path, "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public static HttpResponse<String> get(int port, String path, String authorization) {
		return getWithHeader(port, path, "Authorization", authorization);
	}

	/**
	 * GET a path with one request header.
	 * @param port the server's port
	 * @param path the path and query
	 * @param header the header's name
	 * @param value its value; {@code null} sends no header
	 * @return the response
	 */
	public static HttpResponse<String> getWithHeader(int port, String path, String header, String value) {
		return get(port, path, (value != null) ? Map.of(header, value) : Map.of());
	}

	/**
	 * GET a path with request headers.
	 * @param port the server's port
	 * @param path the path and query
	 * @param headers the headers to send
	 * @return the response
	 */
	public static HttpResponse<String> get(int port, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
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
