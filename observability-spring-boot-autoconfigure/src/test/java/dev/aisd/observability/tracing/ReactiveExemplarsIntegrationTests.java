package dev.aisd.observability.tracing;

import java.net.http.HttpResponse;
import java.time.Duration;

import dev.aisd.observability.endpoint.EndpointHttp;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On WebFlux too, the {@code http_request_duration_seconds} bucket of a sampled request
 * carries its server span as an OpenMetrics exemplar, also when the handler finished on
 * another thread; an unsampled request leaves its series without one.
 */
@SpringBootTest(classes = ReactiveExemplarsIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "management.tracing.sampling.probability=0.0",
				"management.otlp.metrics.export.enabled=false", "spring.application.name=reactive-exemplars-test" })
class ReactiveExemplarsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void sampledRequestWhenHandlerHopsThreadsThenHttpBucketCarriesItsServerSpan() throws Exception {
		String traceId = "abf92f3577b34da6a3ce929d0e0e473c";
		HttpResponse<String> response = get("/hop/1", "00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(response.statusCode()).isEqualTo(200);
		String serverSpanId = response.headers().firstValue("X-Span-ID").orElseThrow();
		ExemplarsIntegrationTests.assertHttpExemplar(scrape(), "/hop/{id}", traceId, serverSpanId);
	}

	@Test
	void unsampledRequestWhenScrapedThenNoExemplarOnItsSeries() throws Exception {
		String traceId = "bbf92f3577b34da6a3ce929d0e0e473d";
		assertThat(get("/quiet/1", "00-" + traceId + "-00f067aa0ba902b7-00").statusCode()).isEqualTo(200);
		assertThat(get("/quiet/2", null).statusCode()).isEqualTo(200);
		String body = scrape();
		assertThat(body).contains("http_request_duration_seconds_bucket{endpoint=\"/quiet/{id}\"");
		assertThat(body).doesNotContain(traceId);
		assertThat(ExemplarsIntegrationTests.exemplars(body, "http_request_duration_seconds_bucket"))
			.noneMatch((exemplar) -> exemplar.seriesLabels().contains("endpoint=\"/quiet/{id}\""));
	}

	private String scrape() {
		return ExemplarsIntegrationTests.scrape(this.port, ExemplarsIntegrationTests.OPENMETRICS);
	}

	private HttpResponse<String> get(String path, String traceparent) {
		return EndpointHttp.getWithHeader(this.port, path, "traceparent", traceparent);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = {
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
	@Import(HopController.class)
	static class App {

	}

	@RestController
	static class HopController {

		@GetMapping("/hop/{id}")
		Mono<String> hop(@PathVariable String id) {
			// Finishes on a parallel thread, not the one that received the request.
			return Mono.delay(Duration.ofMillis(5), Schedulers.parallel()).map((tick) -> id);
		}

		@GetMapping("/quiet/{id}")
		Mono<String> quiet(@PathVariable String id) {
			return Mono.just(id);
		}

	}

}
