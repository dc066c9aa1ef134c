package dev.aisd.observability.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.aisd.observability.logging.HandledRequestLogger;
import dev.aisd.observability.testsupport.JsonLines;
import dev.aisd.observability.testsupport.TestApplications;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Servlet application with Spring Security: a request its firewall rejects before any
 * route matches is logged without the path parameters of its raw URI.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServletFirewallRedactionEndToEndTests {

	private static CapturedOutput stdout;

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start(CapturedOutput output) {
		stdout = output;
		// Spring Security on: the test applications leave it out unless told otherwise.
		context = TestApplications.run(SecuredApplication.class, WebApplicationType.SERVLET, null,
				"spring.application.name=firewall", "spring.autoconfigure.exclude=");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void requestWhenFirewallRejectsSessionIdInPathThenLineHasNoSessionId() throws IOException {
		String secret = "SESSION" + System.nanoTime();
		String head = raw("GET /api/items;jsessionid=" + secret + " HTTP/1.1");
		assertThat(head).startsWith("HTTP/1.1 4");
		JsonNode line = await().atMost(Duration.ofSeconds(10))
			.until(() -> accessLines().stream()
				.filter((event) -> event.path("path").asString("").startsWith("/api/items"))
				.findFirst(), java.util.Optional::isPresent)
			.get();
		assertThat(line.path("path").asString()).isEqualTo("/api/items");
		assertThat(line.path("status_code").asInt()).isBetween(400, 499);
		assertThat(stdout.getOut()).doesNotContain(secret);
	}

	private static List<JsonNode> accessLines() {
		return JsonLines.parse(JsonLines.lines(stdout).stream().filter((line) -> line.startsWith("{")).toList())
			.stream()
			.filter((event) -> HandledRequestLogger.MESSAGE.equals(event.path("message").asString("")))
			.toList();
	}

	private static String raw(String requestLine) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return response.toString(StandardCharsets.ISO_8859_1);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class SecuredApplication {

	}

}
