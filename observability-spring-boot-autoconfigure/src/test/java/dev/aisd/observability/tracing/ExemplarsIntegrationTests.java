package dev.aisd.observability.tracing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.aisd.observability.endpoint.EndpointHttp;
import dev.aisd.observability.security.SecurityMetricsCollector;

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
 * Histogram buckets recorded while a sampled span is current carry its trace and span id
 * as an OpenMetrics exemplar (Spring Boot's Prometheus exemplar support, fed by the
 * tracer); so do the buckets of {@code http_request_duration_seconds}, which the starter
 * records with the server span current again; spans not sampled for export give none,
 * and the Prometheus text format stays free of them. The Prometheus client keeps an exemplar per bucket for at least 7 s, so
 * every test records into series of its own.
 */
@SpringBootTest(classes = ExemplarsIntegrationTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.sampling.probability=0.0", "management.otlp.metrics.export.enabled=false",
				"spring.application.name=exemplars-test" })
class ExemplarsIntegrationTests {

	static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0";

	/**
	 * A bucket line with an exemplar: labels, value, then {@code # {labels} value [timestamp]}.
	 * Label values are quoted and may hold braces (a route template such as
	 * {@code /items/{id}}).
	 */
	static final Pattern EXEMPLAR = Pattern.compile(
			"(?m)^(\\w+_bucket)\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)} \\S+ # \\{([^}]*)} (\\S+)(?: \\S+)?$");

	@LocalServerPort
	private int port;

	@Test
	void sampledRequestWhenSecurityLatencyRecordedThenBucketCarriesItsTraceAndSpanId() throws Exception {
		String traceId = "7bf92f3577b34da6a3ce929d0e0e4739";
		assertThat(get("/detect/sampled", Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")).statusCode())
			.isEqualTo(200);
		List<Exemplar> exemplars = exemplars(scrape(OPENMETRICS), "security_detection_latency_seconds_bucket");
		assertThat(exemplars).anySatisfy((exemplar) -> {
			assertThat(exemplar.seriesLabels()).contains("detection_method=\"sampled\"");
			assertThat(exemplar.labels()).contains("trace_id=\"" + traceId + "\"").containsPattern(
					"span_id=\"[0-9a-f]{16}\"");
		});
	}

	@Test
	void sampledRequestWhenHttpDurationRecordedThenBucketCarriesItsServerSpan() throws Exception {
		String traceId = "8bf92f3577b34da6a3ce929d0e0e473a";
		HttpResponse<String> response = get("/exemplar/1",
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
		assertThat(response.statusCode()).isEqualTo(200);
		String serverSpanId = response.headers().firstValue("X-Span-ID").orElseThrow();
		assertHttpExemplar(scrape(OPENMETRICS), "/exemplar/{id}", traceId, serverSpanId);
	}

	@Test
	void unsampledRequestWhenHttpDurationRecordedThenNoExemplarOnItsSeries() throws Exception {
		String traceId = "9bf92f3577b34da6a3ce929d0e0e473b";
		assertThat(get("/plain/1", Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00")).statusCode())
			.isEqualTo(200);
		assertThat(get("/plain/2", Map.of()).statusCode()).isEqualTo(200);
		String body = scrape(OPENMETRICS);
		assertThat(body).contains("http_request_duration_seconds_bucket{endpoint=\"/plain/{id}\"");
		assertThat(body).doesNotContain(traceId);
		assertThat(exemplars(body, "http_request_duration_seconds_bucket"))
			.noneMatch((exemplar) -> exemplar.seriesLabels().contains("endpoint=\"/plain/{id}\""));
	}

	/**
	 * Assert that a bucket of the route's duration histogram carries the server span of
	 * the request as its exemplar: the span whose id the response's {@code X-Span-ID}
	 * header gave, not a child and not a later request's.
	 */
	static void assertHttpExemplar(String body, String route, String traceId, String serverSpanId) {
		assertThat(serverSpanId).matches("[0-9a-f]{16}");
		assertThat(exemplars(body, "http_request_duration_seconds_bucket")).anySatisfy((exemplar) -> {
			assertThat(exemplar.seriesLabels()).contains("endpoint=\"" + route + "\"", "method=\"GET\"");
			assertThat(exemplar.labels()).contains("trace_id=\"" + traceId + "\"",
					"span_id=\"" + serverSpanId + "\"");
		});
	}

	@Test
	void unsampledRequestWhenScrapedThenNoExemplarOfItsTrace() throws Exception {
		String traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
		assertThat(get("/detect/unsampled", Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-00"))
			.statusCode()).isEqualTo(200);
		// Without traceparent: a new trace, sampled with probability 0, so recorded in
		// the ring buffer but never exported: no exemplar may point at it either.
		assertThat(get("/detect/unsampled", Map.of()).statusCode()).isEqualTo(200);
		String body = scrape(OPENMETRICS);
		assertThat(body).contains("security_detection_latency_seconds_bucket{detection_method=\"unsampled\"");
		assertThat(body).doesNotContain(traceId);
		assertThat(exemplars(body, "security_detection_latency_seconds_bucket"))
			.noneMatch((exemplar) -> exemplar.seriesLabels().contains("detection_method=\"unsampled\""));
	}

	@Test
	void prometheusTextFormatWhenExemplarsRecordedThenNoneWritten() throws Exception {
		String traceId = "6bf92f3577b34da6a3ce929d0e0e4738";
		get("/detect/text", Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
		assertThat(scrape(OPENMETRICS)).contains(traceId);
		String text = scrape("text/plain;version=0.0.4");
		assertThat(text).contains("security_detection_latency_seconds_bucket{detection_method=\"text\"");
		assertThat(text).doesNotContain("trace_id").doesNotContain(" # {");
		assertThat(scrape(null)).doesNotContain("trace_id");
	}

	static List<Exemplar> exemplars(String body, String series) {
		List<Exemplar> result = new ArrayList<>();
		Matcher matcher = EXEMPLAR.matcher(body);
		while (matcher.find()) {
			if (matcher.group(1).equals(series)) {
				result.add(new Exemplar(matcher.group(2), matcher.group(3)));
			}
		}
		return result;
	}

	private String scrape(String accept) {
		return scrape(this.port, accept);
	}

	/**
	 * Scrape {@code /metrics} with an {@code Accept} header ({@code null}: none) and
	 * expect a 200.
	 */
	static String scrape(int port, String accept) {
		HttpResponse<String> response = EndpointHttp.getWithHeader(port, "/metrics", "Accept", accept);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> get(String path, Map<String, String> headers) {
		return EndpointHttp.get(this.port, path, headers);
	}

	record Exemplar(String seriesLabels, String labels) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = {
			"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
	@Import(ExemplarController.class)
	static class App {

	}

	@RestController
	static class ExemplarController {

		private final SecurityMetricsCollector collector;

		ExemplarController(SecurityMetricsCollector collector) {
			this.collector = collector;
		}

		@GetMapping("/exemplar/{id}")
		String item(@PathVariable String id) {
			return id;
		}

		@GetMapping("/plain/{id}")
		String plain(@PathVariable String id) {
			return id;
		}

		@GetMapping("/detect/{method}")
		String detect(@PathVariable String method) {
			// A security latency recorded by application code while the server span is current.
			this.collector.recordDetectionTime(method, 0.02);
			return method;
		}

	}

}
