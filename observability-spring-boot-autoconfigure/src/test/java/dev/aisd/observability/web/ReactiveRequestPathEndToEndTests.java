package dev.aisd.observability.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import dev.aisd.observability.logging.HandledRequestLogger;
import dev.aisd.observability.testsupport.JsonLines;
import dev.aisd.observability.testsupport.TestApplications;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The request path of a WebFlux application on a real Netty: what is recorded (metric,
 * {@code Handled request} line, span) for hostile and operational requests.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveRequestPathEndToEndTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static CapturedOutput stdout;

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start(CapturedOutput output) {
		stdout = output;
		context = TestApplications.run(ReactiveApplication.class, WebApplicationType.REACTIVE, null,
				"spring.application.name=reactive-path");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void requestWhenQueryHasInvalidPercentEncodingThenNoSignalRecordsAServerError() throws Exception {
		String marker = "zz" + System.nanoTime();
		int status = rawStatus("GET /api/search?q=%" + marker + " HTTP/1.1");
		// Reactor Netty answers 400 before the application sees the request: nothing is
		// recorded for it, and nothing records a 500.
		assertThat(status).isEqualTo(400);
		assertThat(get("/api/search?q=after-bad-encoding")).isEqualTo(200);
		awaitAccessLine((event) -> event.path("path").asString("").equals("/api/search"));
		assertThat(accessLines()).noneMatch((event) -> event.path("status_code").asInt() >= 500);
		assertThat(scrape()).doesNotContain("status_code=\"500\"");
		assertThat(ringBuffer().snapshot(1000, (span) -> SpanRecord.STATUS_ERROR.equals(span.status()))).isEmpty();
	}

	@Test
	void requestWhenMethodIsHugeThenNoSignalCarriesItUnbounded() throws Exception {
		String method = "M".repeat(5000);
		int status = rawStatus(method + " /api/search?q=long HTTP/1.1");
		assertThat(status).isBetween(400, 599);
		assertThat(get("/api/search?q=after-huge-method")).isEqualTo(200);
		awaitAccessLine((event) -> event.path("path").asString("").equals("/api/search"));
		assertThat(accessLines()).allSatisfy((event) -> assertThat(event.path("method").asString().length())
			.isLessThanOrEqualTo(dev.aisd.observability.web.internal.RequestFields.MAX_METHOD_LENGTH + 3));
		assertThat(scrape()).doesNotContain("MMMM");
	}

	@Test
	void requestWhenPathHasPathParametersThenTheyAreNotRecorded() throws Exception {
		String secret = "SECRET" + System.nanoTime();
		int status = rawStatus("GET /nowhere;jsessionid=" + secret + "/deeper;v=" + secret + " HTTP/1.1");
		assertThat(status).isBetween(400, 404);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !ringBuffer().snapshot(1000, (span) -> "/nowhere/deeper".equals(span.attributes().get("url.path")))
				.isEmpty());
		// A request after it, to know that its line has been written.
		assertThat(get("/api/search?q=after-path-parameters")).isEqualTo(200);
		awaitAccessLine((event) -> event.path("path").asString("").equals("/api/search"));
		assertThat(stdout.getOut()).doesNotContain(secret);
		assertThat(ringBuffer().snapshot(1000, (span) -> span.toString().contains(secret))).isEmpty();
	}

	@Test
	void probesAndScrapesWhenDefaultThenNoSpanNoAccessLineNoMetricSample() throws Exception {
		for (int i = 0; i < 1000; i++) {
			String path = switch (i % 3) {
				case 0 -> "/health/live";
				case 1 -> "/health/ready";
				default -> "/health";
			};
			assertThat(get(path)).isIn(200, 503);
		}
		for (int i = 0; i < 100; i++) {
			scrape();
		}
		assertThat(get("/observability/traces?limit=5")).isEqualTo(200);
		// A request after the probes, to know that every line before it has been written.
		assertThat(get("/api/search?q=after-probes")).isEqualTo(200);
		awaitAccessLine((event) -> event.path("path").asString("").equals("/api/search"));
		String metrics = scrape();
		assertThat(accessLines()).noneMatch((event) -> isOps(event.path("path").asString("")));
		assertThat(ringBuffer().snapshot(ringBuffer().capacity(),
				(span) -> isOps(String.valueOf(span.attributes().get("url.path")))))
			.isEmpty();
		assertThat(metrics).contains("endpoint=\"/api/search\"")
			.doesNotContain("endpoint=\"/health")
			.doesNotContain("endpoint=\"/metrics\"")
			.doesNotContain("endpoint=\"/observability");
	}

	private static boolean isOps(String path) {
		return path.startsWith("/health") || path.startsWith("/metrics") || path.startsWith("/observability");
	}

	static int get(String path) throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static JsonNode awaitAccessLine(Predicate<JsonNode> predicate) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> accessLines().stream().filter(predicate).findFirst(),
				java.util.Optional::isPresent).get();
	}

	static List<JsonNode> accessLines() {
		return JsonLines.parse(JsonLines.lines(stdout).stream().filter((line) -> line.startsWith("{")).toList())
			.stream()
			.filter((event) -> HandledRequestLogger.MESSAGE.equals(event.path("message").asString("")))
			.toList();
	}

	static SpanRingBuffer ringBuffer() {
		return context.getBean(SpanRingBuffer.class);
	}

	static String scrape() throws IOException, InterruptedException {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}

	/** Send a request line as it is (no client library would send it) and read the status. */
	static int rawStatus(String requestLine) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			String head = response.toString(StandardCharsets.ISO_8859_1);
			return Integer.parseInt(head.substring(9, 12));
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SearchController.class)
	static class ReactiveApplication {

	}

	@RestController
	static class SearchController {

		@GetMapping("/api/search")
		String search(@RequestParam(required = false) String q) {
			return "results for " + q;
		}

	}

}
