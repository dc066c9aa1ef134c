package dev.aisd.observability.endpoint.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;
import dev.aisd.observability.testsupport.TestApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One keep-alive connection to a real Reactor Netty that alternates an endpoint answering
 * later, on a thread of its own (as {@code /health} does while the checks run), with one
 * answering at once ({@code /health/live}). Written from the other thread, the first
 * response reached the client before the exchange had finished; the next request was
 * queued, answered at once, and Reactor Netty then stopped reading the connection: the
 * request after it was never read (reactor/reactor-netty#4361). Within a few hundred
 * requests it happened on every run.
 */
class ReactiveKeepAliveEndToEndTests {

	private static final int REQUESTS = 2000;

	private static final String LATER = "/answered-later";

	private static final String LIVE = "/health/live";

	private static final ExecutorService WORKER = Executors.newSingleThreadExecutor();

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() {
		context = TestApplications.run(LaterEndpointApplication.class, WebApplicationType.REACTIVE, null,
				"spring.application.name=keep-alive", "management.tracing.baggage.enabled=false");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		try {
			if (context != null) {
				context.close();
			}
		}
		finally {
			WORKER.shutdownNow();
		}
	}

	@Test
	void keepAliveWhenAnsweredLaterThenAnsweredAtOnceThenEveryRequestIsAnswered() throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (int i = 0; i < REQUESTS; i++) {
			String path = path(i);
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("request %d to %s", i, path).isEqualTo(200);
		}
	}

	@Test
	void keepAliveWhenRawClientThenTheServerReadsEveryRequest() throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			for (int i = 0; i < REQUESTS; i++) {
				String path = path(i);
				out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				try {
					assertThat(readStatus(in)).as("request %d to %s", i, path).isEqualTo(200);
				}
				catch (SocketTimeoutException ex) {
					fail("request %d to %s was not answered: the server stopped reading the connection", i, path);
				}
			}
		}
	}

	private static String path(int i) {
		return (i % 2 == 0) ? LATER : LIVE;
	}

	private static URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/** Reads one response with a {@code Content-Length} body; returns its status. */
	private static int readStatus(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
			int c = in.read();
			if (c < 0) {
				throw new EOFException("connection closed after '" + head + "'");
			}
			head.append((char) c);
		}
		Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(head);
		assertThat(length.find()).as("Content-Length in %s", head).isTrue();
		in.readNBytes(Integer.parseInt(length.group(1)));
		return Integer.parseInt(head.substring(9, 12));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class LaterEndpointApplication {

		@Bean
		ObservabilityEndpoint answeredLaterEndpoint() {
			return new ObservabilityEndpoint("answered-later", LATER,
					(call) -> CompletableFuture.supplyAsync(() -> EndpointResponse.json(200, "{}"), WORKER));
		}

	}

}
