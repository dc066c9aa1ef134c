package dev.aisd.observability.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP utilities for the end-to-end tests: a JDK client for well-formed requests and a raw
 * socket for requests the client refuses to send.
 */
final class TestHttp {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private TestHttp() {
	}

	static HttpResponse<String> get(int port, String path) {
		return get(port, path, null);
	}

	static HttpResponse<String> get(int port, String path, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (accept != null) {
			request.header("Accept", accept);
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Send a raw HTTP/1.1 request line and return the status code of the answer, or -1 when
	 * the server closed the connection without one.
	 */
	static int raw(int port, String method, String target) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) != -1 && b != '\n') {
				line.write(b);
			}
			String statusLine = line.toString(StandardCharsets.ISO_8859_1);
			// Drain so that the server finishes (and records) the exchange before we return.
			in.transferTo(OutputStream.nullOutputStream());
			String[] parts = statusLine.split(" ");
			return (parts.length >= 2) ? Integer.parseInt(parts[1]) : -1;
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + target + " failed", ex);
		}
	}

	/** GET {@code count} random unmatched paths from a few threads. */
	static void randomPaths(int port, int count) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				futures.add(executor.submit(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					for (int i = 0; i < count / 4; i++) {
						get(port, "/random/" + Long.toHexString(random.nextLong()) + "/" + random.nextInt());
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
