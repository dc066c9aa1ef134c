package dev.aisd.observability.logging;

import java.time.Duration;
import java.util.List;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
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
 * A WebFlux application with the starter and no logging configuration: log lines
 * written on any thread of a request's reactive chain carry its ids.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveJsonLoggingEndToEndTests {

	private static CapturedOutput stdout;

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start(CapturedOutput output) {
		stdout = output;
		context = TestApplications.run(ReactiveApplication.class, WebApplicationType.REACTIVE, null,
				"spring.application.name=reactive-e2e", "server.max-http-request-header-size=64KB");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void requestWhenHandlerHopsThreadsThenEveryLineCarriesTheRequestIds() throws Exception {
		RawHttp.Response response = RawHttp.get(port, "/hop/5", "hop-request-5");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Request-ID")).isEqualTo("hop-request-5");
		String traceId = response.header("X-Trace-ID");
		String spanId = response.header("X-Span-ID");
		assertThat(traceId).matches("[0-9a-f]{32}");
		assertThat(spanId).matches("[0-9a-f]{16}");
		JsonNode handled = awaitLine(JsonLines.message("Handled request").and(JsonLines.field("request_id", "hop-request-5")));
		assertThat(handled.get("path").asString()).isEqualTo("/hop/{id}");
		assertThat(handled.get("status_code").asInt()).isEqualTo(200);
		assertThat(handled.get("trace_id").asString()).isEqualTo(traceId);
		assertThat(handled.get("span_id").asString()).isEqualTo(spanId);
		assertThat(handled.get("service").asString()).isEqualTo("reactive-e2e");
		List<JsonNode> hops = JsonLines.matching(JsonLines.parse(JsonLines.lines(stdout)),
				(event) -> event.path("message").asString("").startsWith("hop ") && event.path("message").asString("").endsWith(" 5"));
		assertThat(hops).extracting((event) -> event.get("message").asString())
			.containsExactly("hop start 5", "hop after publishOn 5", "hop after delay 5");
		assertThat(hops).allSatisfy((event) -> {
			assertThat(event.path("request_id").asString(null)).as("request_id of %s", event).isEqualTo("hop-request-5");
			assertThat(event.path("trace_id").asString(null)).as("trace_id of %s", event).isEqualTo(traceId);
			assertThat(event.path("span_id").asString(null)).as("span_id of %s", event).isEqualTo(spanId);
		});
		assertThat(hops).extracting((event) -> event.get("thread").asString())
			.anySatisfy((thread) -> assertThat(thread).startsWith("parallel-"))
			.anySatisfy((thread) -> assertThat(thread).startsWith("boundedElastic-"));
		assertEveryLineIsJson();
	}

	@Test
	void requestWhenManyConcurrentRequestsHopThreadsThenIdsNeverMixed() throws Exception {
		List<Thread> clients = new java.util.ArrayList<>();
		for (int i = 100; i < 110; i++) {
			int n = i;
			Thread client = new Thread(() -> {
				try {
					RawHttp.get(port, "/hop/" + n, "concurrent-" + n);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			client.start();
			clients.add(client);
		}
		for (Thread client : clients) {
			client.join(20_000);
		}
		for (int i = 100; i < 110; i++) {
			awaitLine(JsonLines.message("Handled request").and(JsonLines.field("request_id", "concurrent-" + i)));
		}
		List<JsonNode> hops = JsonLines.matching(JsonLines.parse(JsonLines.lines(stdout)),
				(event) -> event.path("message").asString("").matches("hop .* 1\\d\\d"));
		assertThat(hops).hasSize(30).allSatisfy((event) -> {
			String message = event.get("message").asString();
			String n = message.substring(message.lastIndexOf(' ') + 1);
			assertThat(event.path("request_id").asString(null)).isEqualTo("concurrent-" + n);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "<script>alert(1)</script>", "quote\"and\\backslash", "way-too-long-" })
	void requestWhenHostileIdThenReplacedAndNeverWrittenRaw(String hostile) throws Exception {
		String value = hostile.equals("way-too-long-") ? hostile.repeat(800) : hostile;

		RawHttp.Response response = RawHttp.get(port, "/hop/6", value);

		assertThat(response.head()).doesNotContain("<script>").doesNotContain("way-too-long-way");
		if (response.status() == 400) {
			// Reactor Netty itself refuses some header bytes before any filter runs.
			assertThat(stdout.getOut()).doesNotContain(value);
			return;
		}
		assertThat(response.status()).isEqualTo(200);
		String requestId = response.header("X-Request-ID");
		assertThat(requestId).matches("[0-9a-f]{32}");
		awaitLine(JsonLines.message("Handled request").and(JsonLines.field("request_id", requestId)));
		assertThat(stdout.getOut()).doesNotContain(value).doesNotContain("<script>");
	}

	@Test
	void requestWhenHandlerErrorsThenHandledRequestLineWithStatus500() throws Exception {
		RawHttp.Response response = RawHttp.get(port, "/boom", "reactive-boom-1");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.header("X-Request-ID")).isEqualTo("reactive-boom-1");
		JsonNode handled = awaitLine(
				JsonLines.message("Handled request").and(JsonLines.field("request_id", "reactive-boom-1")));
		assertThat(handled.get("status_code").asInt()).isEqualTo(500);
		assertThat(handled.get("path").asString()).isEqualTo("/boom");
		assertEveryLineIsJson();
	}

	@Test
	void requestWhenHandlerThrowsSynchronouslyThenHandledRequestLineWithStatus500() throws Exception {
		RawHttp.Response response = RawHttp.get(port, "/boom-sync", "reactive-boom-2");

		assertThat(response.status()).isEqualTo(500);
		JsonNode handled = awaitLine(
				JsonLines.message("Handled request").and(JsonLines.field("request_id", "reactive-boom-2")));
		assertThat(handled.get("status_code").asInt()).isEqualTo(500);
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
		assertThat(JsonLines.parse(lines)).allSatisfy((event) -> assertThat(event.has("timestamp")
				&& event.has("level") && event.has("message") && event.has("service"))
			.as("contract fields in %s", event)
			.isTrue());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReactiveController.class)
	static class ReactiveApplication {

	}

	@RestController
	static class ReactiveController {

		private static final Logger logger = LoggerFactory.getLogger(ReactiveController.class);

		@GetMapping("/hop/{id}")
		Mono<String> hop(@PathVariable String id) {
			return Mono.fromCallable(() -> {
				logger.info("hop start {}", id);
				return id;
			})
				.subscribeOn(Schedulers.parallel())
				.publishOn(Schedulers.boundedElastic())
				.map((value) -> {
					logger.info("hop after publishOn {}", value);
					return value;
				})
				.delayElement(Duration.ofMillis(5))
				.doOnNext((value) -> logger.info("hop after delay {}", value))
				.map((value) -> "hopped " + value);
		}

		@GetMapping("/boom")
		Mono<String> boom() {
			return Mono.<String>error(new IllegalStateException("kaboom")).publishOn(Schedulers.boundedElastic());
		}

		@GetMapping("/boom-sync")
		Mono<String> boomSync() {
			throw new IllegalStateException("sync kaboom");
		}

	}

}
