package dev.aisd.observability.logging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import dev.aisd.observability.testsupport.JsonLines;
import dev.aisd.observability.testsupport.RawHttp;
import dev.aisd.observability.testsupport.TestApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Servlet application with the starter and no logging configuration: every line on
 * stdout is one JSON object, carrying the request context.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServletJsonLoggingEndToEndTests {

	static final String HOSTILE_MESSAGE = "quote \" backslash \\ newline \n cr \r tab \t nul \u0000 esc \u001b "
			+ "line-sep \u2028 </script> {\"level\":\"FAKE\"}";

	private static CapturedOutput stdout;

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start(CapturedOutput output) {
		stdout = output;
		context = TestApplications.run(ServletApplication.class, WebApplicationType.SERVLET, null,
				"spring.application.name=servlet-e2e", "server.max-http-request-header-size=64KB");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void requestWhenValidIdThenEchoedAndCarriedByEveryLineOfTheRequest() throws Exception {
		RawHttp.Response response = RawHttp.get(port, "/items/7", "client-id.1:a_b-c");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Request-ID")).isEqualTo("client-id.1:a_b-c");
		String traceId = response.header("X-Trace-ID");
		String spanId = response.header("X-Span-ID");
		assertThat(traceId).matches("[0-9a-f]{32}");
		assertThat(spanId).matches("[0-9a-f]{16}");
		JsonNode handled = awaitLine(JsonLines.message("Handled request")
			.and(JsonLines.field("request_id", "client-id.1:a_b-c")));
		assertThat(handled.get("logger").asString()).isEqualTo("dev.aisd.observability.web.access");
		assertThat(handled.get("level").asString()).isEqualTo("INFO");
		assertThat(handled.get("service").asString()).isEqualTo("servlet-e2e");
		assertThat(handled.get("method").asString()).isEqualTo("GET");
		assertThat(handled.get("path").asString()).isEqualTo("/items/{id}");
		assertThat(handled.get("status_code").isInt()).isTrue();
		assertThat(handled.get("status_code").asInt()).isEqualTo(200);
		assertThat(handled.get("duration_seconds").isNumber()).isTrue();
		assertThat(handled.get("duration_seconds").asDouble()).isPositive().isLessThan(60);
		assertThat(handled.get("client_ip").asString()).isEqualTo("127.0.0.1");
		assertThat(handled.get("trace_id").asString()).isEqualTo(traceId);
		assertThat(handled.get("span_id").asString()).isEqualTo(spanId);
		JsonNode loading = awaitLine(JsonLines.message("Loading item 7"));
		assertThat(loading.get("request_id").asString()).isEqualTo("client-id.1:a_b-c");
		assertThat(loading.get("trace_id").asString()).isEqualTo(traceId);
		assertThat(loading.get("span_id").asString()).isEqualTo(spanId);
		assertThat(loading.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
		assertThat(loading.get("thread").asString()).isNotEmpty();
		assertThat(loading.has("traceId")).isFalse();
		assertEveryLineIsJson();
	}

	@Test
	void requestWhenNoIdThenGeneratedAndLogged() throws Exception {
		RawHttp.Response response = RawHttp.get(port, "/items/8", null);

		String requestId = response.header("X-Request-ID");
		assertThat(requestId).matches("[0-9a-f]{32}");
		awaitLine(JsonLines.message("Handled request").and(JsonLines.field("request_id", requestId)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "<script>alert(1)</script>", "caf\u00e9-\u4e2d\u6587", "quote\"and\\backslash",
			"semi;colon", "way-too-long-" })
	void requestWhenHostileIdThenReplacedAndNeverWrittenRaw(String hostile) throws Exception {
		String value = hostile.equals("way-too-long-") ? hostile.repeat(800) : hostile;

		RawHttp.Response response = RawHttp.get(port, "/items/9", value);

		assertThat(response.head()).doesNotContain("<script>").doesNotContain("way-too-long-way");
		if (response.status() == 400) {
			// Tomcat itself refuses some header bytes (non-ASCII) before any filter runs.
			assertThat(stdout.getOut()).doesNotContain(value);
			return;
		}
		assertThat(response.status()).isEqualTo(200);
		String requestId = response.header("X-Request-ID");
		assertThat(requestId).matches("[0-9a-f]{32}");
		awaitLine(JsonLines.message("Handled request").and(JsonLines.field("request_id", requestId)));
		assertThat(stdout.getOut()).doesNotContain(value)
			.doesNotContain("<script>")
			.doesNotContain("way-too-long-way-too-long");
		assertEveryLineIsJson();
	}

	@Test
	void requestWhenHugeIdThenReplaced() throws Exception {
		String huge = "A".repeat(10 * 1024);

		RawHttp.Response response = RawHttp.get(port, "/items/10", huge);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Request-ID")).matches("[0-9a-f]{32}");
		awaitLine(JsonLines.message("Handled request")
			.and(JsonLines.field("request_id", response.header("X-Request-ID"))));
		assertThat(stdout.getOut()).doesNotContain("A".repeat(200));
	}

	@Test
	void requestWhenHandlerThrowsThenHandledRequestLineWithStatus500() throws Exception {
		RawHttp.Response response = RawHttp.get(port, "/boom", "boom-1");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.header("X-Request-ID")).isEqualTo("boom-1");
		JsonNode handled = awaitLine(JsonLines.message("Handled request").and(JsonLines.field("request_id", "boom-1")));
		assertThat(handled.get("status_code").asInt()).isEqualTo(500);
		assertThat(handled.get("path").asString()).isEqualTo("/boom");
		JsonNode error = awaitLine((event) -> event.has("stack_trace")
				&& event.get("stack_trace").asString().contains("IllegalStateException: kaboom"));
		assertThat(error.get("level").asString()).isEqualTo("ERROR");
		assertEveryLineIsJson();
	}

	@Test
	void requestWhenLogMessageAndMdcHostileThenOneValidJsonObjectPerEvent() throws Exception {
		RawHttp.Response response = RawHttp.get(port, "/hostile", "hostile-1");

		assertThat(response.status()).isEqualTo(200);
		JsonNode line = awaitLine(JsonLines.message(HOSTILE_MESSAGE));
		assertThat(line.get("request_id").asString()).isEqualTo("hostile-1");
		assertThat(line.get("note").asString()).isEqualTo(HOSTILE_MESSAGE);
		assertEveryLineIsJson();
	}

	@Test
	void requestWhenHandledAsynchronouslyThenOneHandledRequestLineWithTheRequestIds() throws Exception {
		RawHttp.Response response = RawHttp.get(port, "/async/3", "async-1");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Request-ID")).isEqualTo("async-1");
		JsonNode handled = awaitLine(JsonLines.message("Handled request").and(JsonLines.field("request_id", "async-1")));
		assertThat(handled.get("path").asString()).isEqualTo("/async/{id}");
		assertThat(handled.get("status_code").asInt()).isEqualTo(200);
		assertThat(handled.get("trace_id").asString()).isEqualTo(response.header("X-Trace-ID"));
		assertThat(JsonLines.matching(JsonLines.parse(JsonLines.lines(stdout)),
				JsonLines.message("Handled request").and(JsonLines.field("request_id", "async-1"))))
			.hasSize(1);
	}

	@Test
	void requestWhenNoRouteMatchesThenHandledRequestLineWithBoundedPath() throws Exception {
		String path = "/no/such/" + "x".repeat(600);

		RawHttp.Response response = RawHttp.get(port, path, "missing-1");

		assertThat(response.status()).isEqualTo(404);
		JsonNode handled = awaitLine(
				JsonLines.message("Handled request").and(JsonLines.field("request_id", "missing-1")));
		assertThat(handled.get("status_code").asInt()).isEqualTo(404);
		assertThat(handled.get("path").asString().length()).isLessThanOrEqualTo(259);
	}

	private static JsonNode awaitLine(Predicate<JsonNode> predicate) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			List<JsonNode> matching = JsonLines.matching(JsonLines.parse(JsonLines.lines(stdout)), predicate);
			return matching.isEmpty() ? null : matching.get(matching.size() - 1);
		}, (node) -> node != null);
	}

	private static void assertEveryLineIsJson() {
		List<String> lines = JsonLines.lines(stdout);
		assertThat(lines).isNotEmpty();
		assertThat(JsonLines.parse(lines))
			.allSatisfy((event) -> assertThat(event.has("timestamp") && event.has("level") && event.has("logger")
					&& event.has("thread") && event.has("message") && event.has("service"))
				.as("contract fields in %s", event)
				.isTrue());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ServletController.class)
	static class ServletApplication {

	}

	@RestController
	static class ServletController {

		private static final Logger logger = LoggerFactory.getLogger(ServletController.class);

		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			logger.info("Loading item {}", id);
			return "item " + id;
		}

		@GetMapping("/async/{id}")
		Callable<String> async(@PathVariable String id) {
			return () -> "async " + id;
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("kaboom");
		}

		@GetMapping("/hostile")
		String hostile() {
			MDC.put("note", HOSTILE_MESSAGE);
			try {
				logger.warn(HOSTILE_MESSAGE);
			}
			finally {
				MDC.remove("note");
			}
			return "ok";
		}

	}

}
