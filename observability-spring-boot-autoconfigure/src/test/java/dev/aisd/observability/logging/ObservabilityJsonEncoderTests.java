package dev.aisd.observability.logging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.aisd.observability.logging.internal.HandledRequestFields;
import dev.aisd.observability.testsupport.JsonLines;
import dev.aisd.observability.web.CompletedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityJsonEncoderTests {

	private final LoggerContext context = createContext();

	private final Logger logger = this.context.getLogger("com.example.Orders");

	private final ObservabilityJsonEncoder encoder = createEncoder();

	private static LoggerContext createContext() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		return context;
	}

	private ObservabilityJsonEncoder createEncoder() {
		ObservabilityJsonEncoder encoder = new ObservabilityJsonEncoder();
		encoder.setContext(this.context);
		encoder.setService("orders");
		encoder.start();
		return encoder;
	}

	@AfterEach
	void stop() {
		this.encoder.stop();
		assertThat(this.context.getStatusManager().getCopyOfStatusList())
			.noneMatch((status) -> status.getLevel() > 0);
	}

	@Test
	void encodeWhenPlainEventThenContractFieldsInOrderOnOneLine() {
		LoggingEvent event = event(Level.INFO, "Order {} placed", null, "42");
		event.setInstant(Instant.parse("2026-11-28T03:14:15.123Z"));
		event.setMDCPropertyMap(Map.of("request_id", "req-1"));

		String line = encode(event);

		assertThat(line).endsWith("}\n").containsOnlyOnce("\n");
		JsonNode json = JsonLines.parseLine(line.trim());
		assertThat(json.propertyNames()).containsExactly("timestamp", "level", "logger", "thread", "message",
				"service", "request_id");
		assertThat(json.get("timestamp").asString()).isEqualTo("2026-11-28T03:14:15.123Z");
		assertThat(json.get("level").asString()).isEqualTo("INFO");
		assertThat(json.get("logger").asString()).isEqualTo("com.example.Orders");
		assertThat(json.get("thread").asString()).isEqualTo(Thread.currentThread().getName());
		assertThat(json.get("message").asString()).isEqualTo("Order 42 placed");
		assertThat(json.get("service").asString()).isEqualTo("orders");
		assertThat(json.get("request_id").asString()).isEqualTo("req-1");
	}

	@Test
	void encodeWhenTracingMdcKeysThenRenamedOnceToSnakeCase() {
		LoggingEvent event = event(Level.INFO, "traced", null);
		event.setMDCPropertyMap(Map.of("traceId", "0af7651916cd43dd8448eb211c80319c", "spanId", "b7ad6b7169203331",
				"request_id", "r"));

		JsonNode json = JsonLines.parseLine(encode(event));

		assertThat(json.get("trace_id").asString()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(json.get("span_id").asString()).isEqualTo("b7ad6b7169203331");
		assertThat(json.has("traceId")).isFalse();
		assertThat(json.has("spanId")).isFalse();
		assertThat(json.propertyNames().stream().filter("trace_id"::equals)).hasSize(1);
	}

	@Test
	void encodeWhenExceptionThenStackTraceString() {
		LoggingEvent event = event(Level.ERROR, "failed", new IllegalStateException("broken \"state\"\n"));

		JsonNode json = JsonLines.parseLine(encode(event));

		assertThat(json.get("level").asString()).isEqualTo("ERROR");
		assertThat(json.get("stack_trace").isString()).isTrue();
		assertThat(json.get("stack_trace").asString()).startsWith("java.lang.IllegalStateException: broken \"state\"")
			.contains("ObservabilityJsonEncoderTests");
	}

	@ParameterizedTest
	@ValueSource(strings = { "quote \" and \\ backslash", "new\nline", "carriage\r\nreturn", "nul \u0000 bell \u0007",
			"escape \u001b[31m red", "tab\tand\u000bvt", "line sep \u2028 par sep \u2029", "caf\u00e9 \u4e2d\u6587 \ud83d\ude00",
			"lone surrogate \ud800 here", "</script><script>alert(1)</script>", "{\"injected\":true}\n{\"level\":\"ERROR\"}" })
	void encodeWhenHostileMessageAndMdcThenExactlyOneValidJsonObject(String hostile) {
		LoggingEvent event = event(Level.WARN, hostile, null);
		Map<String, String> mdc = new HashMap<>();
		mdc.put("request_id", hostile);
		mdc.put("user \"key\"\n", hostile);
		event.setMDCPropertyMap(mdc);

		String line = encode(event);

		assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
		assertThat(line.chars().filter((c) -> c < 0x20 && c != '\n')).isEmpty();
		JsonNode json = JsonLines.parseLine(line);
		if (!hostile.contains("\ud800")) {
			assertThat(json.get("message").asString()).isEqualTo(hostile);
			assertThat(json.get("request_id").asString()).isEqualTo(hostile);
		}
		assertThat(json.get("level").asString()).isEqualTo("WARN");
	}

	@Test
	void encodeWhenHandledRequestFieldsThenTopLevelTypedFields() {
		CompletedRequest request = new CompletedRequest("GET", "/items/{id}", "/items/7", 404, 1_500_000, "127.0.0.1",
				"req-9", null, null, null);
		LoggingEvent event = event(Level.INFO, "Handled request", null, new HandledRequestFields(request));

		JsonNode json = JsonLines.parseLine(encode(event));

		assertThat(json.get("message").asString()).isEqualTo("Handled request");
		assertThat(json.get("method").asString()).isEqualTo("GET");
		assertThat(json.get("path").asString()).isEqualTo("/items/{id}");
		assertThat(json.get("status_code").isInt()).isTrue();
		assertThat(json.get("status_code").asInt()).isEqualTo(404);
		assertThat(json.get("duration_seconds").isNumber()).isTrue();
		assertThat(json.get("duration_seconds").asDouble()).isEqualTo(0.0015);
		assertThat(json.get("client_ip").asString()).isEqualTo("127.0.0.1");
	}

	@Test
	void encodeWhenUnmatchedRouteWithHugeHostilePathThenRawPathBounded() {
		String path = "/x\"y\n" + "a".repeat(5000);
		CompletedRequest request = new CompletedRequest("GET", null, path, 404, 1, null, null, null, null, null);
		LoggingEvent event = event(Level.INFO, "Handled request", null, new HandledRequestFields(request));

		JsonNode json = JsonLines.parseLine(encode(event));

		assertThat(json.get("path").asString()).hasSize(HandledRequestFields.MAX_RAW_PATH_LENGTH + 3)
			.startsWith("/x\"y\n");
		assertThat(json.get("client_ip").isNull()).isTrue();
	}

	@Test
	void encodeWhenKeyValuePairsThenTopLevelFields() {
		LoggingEvent event = event(Level.INFO, "kv", null);
		event.addKeyValuePair(new org.slf4j.event.KeyValuePair("order_id", 42));

		JsonNode json = JsonLines.parseLine(encode(event));

		assertThat(json.get("order_id").asInt()).isEqualTo(42);
	}

	@Test
	void encodeWhenManyEventsThenEachOnItsOwnLine() {
		StringBuilder all = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			all.append(encode(event(Level.INFO, "line\n" + i, null)));
		}
		List<String> lines = List.of(all.toString().split("\n"));
		assertThat(lines).hasSize(100);
		assertThat(JsonLines.parse(lines)).allSatisfy((json) -> assertThat(json.get("service").asString()).isEqualTo("orders"));
	}

	private String encode(LoggingEvent event) {
		return new String(this.encoder.encode(event), StandardCharsets.UTF_8);
	}

	private LoggingEvent event(Level level, String message, Throwable throwable, Object... arguments) {
		return new LoggingEvent(Logger.class.getName(), this.logger, level, message, throwable,
				(arguments.length > 0) ? arguments : null);
	}

}
