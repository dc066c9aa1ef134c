package dev.aisd.observability.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.aisd.observability.testsupport.TestApplications;
import dev.aisd.observability.tracing.TraceSpan;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The {@link ReactiveServerSpanFilter} on a real Netty: the span it makes is the current
 * span of annotated and functional handlers across thread hops and the parent of
 * {@link TraceSpan}s, errors and unmatched routes are recorded with the status the
 * client got, a cancelled request is recorded once, and Spring's own server observation
 * does not run.
 */
class ReactiveServerSpanFilterEndToEndTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<Observation.Context> serverObservations = new CopyOnWriteArrayList<>();

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() {
		context = TestApplications.run(ReactiveApplication.class, WebApplicationType.REACTIVE, null,
				"spring.application.name=reactive-filter");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void annotatedHandlerWhenItHopsThreadsThenCurrentSpanIsTheServerSpanEverywhere() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpResponse<String> response = send("/current/7", "00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		SpanRecord server = awaitSpan((span) -> span.traceId().equals(traceId) && "server".equals(span.kind()));
		assertThat(server.parentSpanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(server.name()).isEqualTo("http GET /current/{id}");
		assertThat(body.get("before").asString()).isEqualTo(server.spanId());
		assertThat(body.get("after").asString()).isEqualTo(server.spanId());
		assertThat(body.get("trace").asString()).isEqualTo(traceId);
		assertThat(response.headers().firstValue("X-Trace-ID")).hasValue(traceId);
		assertThat(response.headers().firstValue("X-Span-ID")).hasValue(server.spanId());
		SpanRecord child = awaitSpan((span) -> span.spanId().equals(body.get("child").asString()));
		assertThat(child.parentSpanId()).isEqualTo(server.spanId());
		assertThat(child.name()).isEqualTo("lookup");
	}

	@Test
	void functionalHandlerThenCurrentSpanIsTheServerSpanAndRouteIsTheTemplate() throws Exception {
		HttpResponse<String> response = send("/fn/9", null);
		assertThat(response.statusCode()).isEqualTo(200);
		String spanId = json.readTree(response.body()).get("span").asString();
		SpanRecord server = awaitSpan((span) -> span.spanId().equals(spanId));
		assertThat(server.kind()).isEqualTo("server");
		assertThat(server.name()).isEqualTo("http GET /fn/{id}");
		assertThat(server.attributes().get("http.route")).isEqualTo("/fn/{id}");
	}

	@Test
	void handlerWhenItFailsThenSpanIsAFailed500WithTheErrorType() throws Exception {
		HttpResponse<String> response = send("/fail", null);
		assertThat(response.statusCode()).isEqualTo(500);
		String spanId = response.headers().firstValue("X-Span-ID").orElseThrow();
		SpanRecord server = awaitSpan((span) -> span.spanId().equals(spanId));
		assertThat(server.status()).isEqualTo(SpanRecord.STATUS_ERROR);
		assertThat(server.attributes().get("http.response.status_code")).hasToString("500");
		assertThat(server.attributes().get("error.type")).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void unmatchedPathThenSpanCarriesTheStatusTheClientGot() throws Exception {
		HttpResponse<String> response = send("/no/such/route", null);
		assertThat(response.statusCode()).isEqualTo(404);
		String spanId = response.headers().firstValue("X-Span-ID").orElseThrow();
		SpanRecord server = awaitSpan((span) -> span.spanId().equals(spanId));
		// Boot's static resource handler matches every path: its pattern is the route, as
		// Spring's observation reports it too, one value for every unmatched path.
		assertThat(server.name()).isEqualTo("http GET /**");
		assertThat(server.attributes().get("http.response.status_code")).hasToString("404");
		assertThat(server.attributes().get("url.path")).isEqualTo("/no/such/route");
	}

	@Test
	void clientWhenItGoesAwayThenTheRequestIsRecordedOnce() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/never"))
			.timeout(Duration.ofMillis(300))
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> CLIENT.send(request, HttpResponse.BodyHandlers.discarding()));
		Predicate<SpanRecord> never = (span) -> "/never".equals(span.attributes().get("url.path"));
		awaitSpan(never);
		// Requests after the cancel, finished after it: a second record would be there too.
		for (int i = 0; i < 3; i++) {
			assertThat(send("/fn/" + i, null).statusCode()).isEqualTo(200);
		}
		awaitSpan((span) -> "/fn/2".equals(span.attributes().get("url.path")));
		assertThat(ringBuffer().snapshot(1000, never)).hasSize(1);
	}

	@Test
	void requestsThenSpringServerObservationNeverRuns() throws Exception {
		assertThat(send("/current/1", null).statusCode()).isEqualTo(200);
		assertThat(send("/fail", null).statusCode()).isEqualTo(500);
		assertThat(send("/fn/1", null).statusCode()).isEqualTo(200);
		awaitSpan((span) -> "/fn/1".equals(span.attributes().get("url.path")));
		assertThat(serverObservations).isEmpty();
	}

	private static SpanRecord awaitSpan(Predicate<SpanRecord> predicate) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> ringBuffer().snapshot(1000, predicate), (spans) -> !spans.isEmpty())
			.get(0);
	}

	private static SpanRingBuffer ringBuffer() {
		return context.getBean(SpanRingBuffer.class);
	}

	private static HttpResponse<String> send(String path, String traceparent) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (traceparent != null) {
			request.header("traceparent", traceparent);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(CurrentSpanController.class)
	static class ReactiveApplication {

		@Bean
		RouterFunction<ServerResponse> functionalRoute(Tracer tracer) {
			return RouterFunctions.route()
				.GET("/fn/{id}", (request) -> ServerResponse.ok()
					.bodyValue(Map.of("span", spanId(tracer.currentSpan()))))
				.build();
		}

		@Bean
		ObservationHandler<Observation.Context> serverObservationRecorder() {
			return new ObservationHandler<>() {

				@Override
				public void onStart(Observation.Context observation) {
					serverObservations.add(observation);
				}

				@Override
				public boolean supportsContext(Observation.Context observation) {
					return observation instanceof ServerRequestObservationContext;
				}

			};
		}

	}

	static String spanId(Span span) {
		return (span != null) ? span.context().spanId() : "none";
	}

	@RestController
	static class CurrentSpanController {

		private final Tracer tracer;

		CurrentSpanController(Tracer tracer) {
			this.tracer = tracer;
		}

		@GetMapping("/current/{id}")
		Mono<Map<String, String>> current(@PathVariable String id) {
			String before = spanId(this.tracer.currentSpan());
			return Mono.delay(Duration.ofMillis(5)).publishOn(Schedulers.boundedElastic()).map((tick) -> {
				Span current = this.tracer.currentSpan();
				String child = TraceSpan.supply("lookup", Map.of("id", id), () -> spanId(this.tracer.currentSpan()));
				return Map.of("before", before, "after", spanId(current), "child", child,
						"trace", (current != null) ? current.context().traceId() : "none");
			});
		}

		@GetMapping("/fail")
		Mono<String> fail() {
			return Mono.<String>error(new IllegalStateException("failed on purpose"))
				.publishOn(Schedulers.boundedElastic());
		}

		@GetMapping("/never")
		Mono<String> never() {
			return Mono.never();
		}

	}

}
