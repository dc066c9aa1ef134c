package dev.aisd.observability.web;

import java.util.concurrent.atomic.AtomicReference;

import dev.aisd.observability.web.internal.RequestIdThreadLocalAccessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdWebFilterTests {

	private final RequestIdWebFilter filter = new RequestIdWebFilter("X-Request-ID", true);

	@Test
	void filterWhenValidIdThenKeptEchoedAndInReactorContext() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/items/1").header("X-Request-ID", "abc-123"));
		AtomicReference<String> inContext = new AtomicReference<>();

		this.filter
			.filter(exchange,
					(ex) -> Mono.deferContextual((context) -> {
						inContext.set(context.get(RequestIdThreadLocalAccessor.KEY));
						return Mono.empty();
					}))
			.block();

		assertThat(inContext.get()).isEqualTo("abc-123");
		assertThat(exchange.getResponse().getHeaders().getFirst("X-Request-ID")).isEqualTo("abc-123");
		assertThat((String) exchange.getAttribute(RequestAttributes.REQUEST_ID)).isEqualTo("abc-123");
	}

	@Test
	void filterWhenAssignedByServerSpanFilterThenKeptAndNotWrittenAgain() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/items/1").header("X-Request-ID", "abc-123"));
		// What the server span filter does before it writes the id into the context with its span.
		assertThat(this.filter.assign(exchange)).isEqualTo("abc-123");
		AtomicReference<Boolean> writtenAgain = new AtomicReference<>();

		this.filter.filter(exchange, (ex) -> Mono.deferContextual((context) -> {
			writtenAgain.set(context.hasKey(RequestIdThreadLocalAccessor.KEY));
			return Mono.empty();
		})).block();

		assertThat(writtenAgain.get()).isFalse();
		assertThat(exchange.getResponse().getHeaders().get("X-Request-ID")).containsExactly("abc-123");
		assertThat((String) exchange.getAttribute(RequestAttributes.REQUEST_ID)).isEqualTo("abc-123");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a b", "<script>alert(1)</script>", "caf\u00e9", "a\r\nX-Injected: 1", "a\"b",
			"a\\b" })
	void filterWhenHostileIdThenReplaced(String hostile) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/items/1").header("X-Request-ID", hostile));

		this.filter.filter(exchange, (ex) -> Mono.empty()).block();

		String echoed = exchange.getResponse().getHeaders().getFirst("X-Request-ID");
		assertThat(echoed).matches("[0-9a-f]{32}");
		assertThat((String) exchange.getAttribute(RequestAttributes.REQUEST_ID)).isEqualTo(echoed);
	}

	@Test
	void filterWhenHugeIdThenReplaced() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").header("X-Request-ID", "a".repeat(10 * 1024)));

		this.filter.filter(exchange, (ex) -> Mono.empty()).block();

		assertThat(exchange.getResponse().getHeaders().getFirst("X-Request-ID")).matches("[0-9a-f]{32}");
	}

	@Test
	void filterWhenNoObservationThenNoTraceHeaders() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

		this.filter.filter(exchange, (ex) -> Mono.empty()).block();

		assertThat(exchange.getResponse().getHeaders().containsHeader("X-Trace-ID")).isFalse();
	}

}
