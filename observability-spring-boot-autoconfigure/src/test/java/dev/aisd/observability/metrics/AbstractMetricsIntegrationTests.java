package dev.aisd.observability.metrics;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.aisd.observability.test.Exposition.Sample;
import dev.aisd.observability.test.Exposition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the metrics on a real server with a separate management port; the
 * subclasses choose Spring MVC or WebFlux.
 */
abstract class AbstractMetricsIntegrationTests {

	static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

	static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
			"TRACE", "CONNECT", "OTHER");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void scrapeWhenRequestsServedThenExposesExactHttpNamesAndLabels() {
		assertThat(TestHttp.get(this.port, "/items/42").statusCode()).isEqualTo(200);
		Exposition exposition = scrape(this.port);
		assertThat(exposition.type("http_requests_total")).isEqualTo("counter");
		assertThat(exposition.type("http_request_duration_seconds")).isEqualTo("histogram");
		Sample counter = exposition.samples("http_requests_total", (s) -> "/items/{id}".equals(s.labels().get("endpoint")))
			.get(0);
		assertThat(counter.labels()).containsOnlyKeys("method", "endpoint", "status_code", "service")
			.containsEntry("method", "GET")
			.containsEntry("status_code", "200")
			.containsEntry("service", "metrics-test");
		List<Sample> buckets = exposition.samples("http_request_duration_seconds_bucket",
				(s) -> "/items/{id}".equals(s.labels().get("endpoint")));
		assertThat(buckets).extracting((s) -> s.labels().get("le"))
			.containsExactly("0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1.0", "2.5",
					"5.0", "7.5", "10.0", "+Inf");
		assertThat(buckets.get(0).labels()).containsOnlyKeys("method", "endpoint", "le", "service");
		assertThat(buckets.get(buckets.size() - 1).value()).isGreaterThanOrEqualTo(1);
		assertThat(exposition.names()).contains("http_request_duration_seconds_count",
				"http_request_duration_seconds_sum", "jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total",
				"jvm_threads_live_threads", "jvm_classes_loaded_classes", "process_cpu_usage", "process_uptime_seconds",
				"process_start_time_seconds", "system_cpu_count", "observability_label_values_folded_total");
		assertThat(exposition.samples()).allSatisfy((sample) -> assertThat(sample.labels()).containsKey("service"));
		assertThat(exposition.names()).noneMatch((name) -> name.startsWith("http_server_requests"));
	}

	@Test
	void scrapeWhenScrapedThenMetricsEndpointDoesNotCountItself() {
		scrape(this.port);
		Exposition exposition = scrape(this.port);
		// Operational traffic is not recorded by default (observability.ops-traffic.recorded).
		assertThat(exposition.samples("http_requests_total", (s) -> "/metrics".equals(s.labels().get("endpoint"))))
			.isEmpty();
	}

	@Test
	void scrapeWhenTenThousandRandomUnmatchedPathsThenAtMostAHandfulOfNewSeries() throws Exception {
		TestHttp.get(this.port, "/warm/up");
		Exposition before = scrape(this.port);
		TestHttp.randomPaths(this.port, 10_000);
		Exposition after = scrape(this.port);
		assertThat(after.samples("http_requests_total")).hasSizeLessThanOrEqualTo(
				before.samples("http_requests_total").size() + 1);
		assertThat(seriesOf(after, "http_")).hasSizeLessThanOrEqualTo(seriesOf(before, "http_").size() + 20);
		assertThat(after.samples()).hasSizeLessThanOrEqualTo(before.samples().size() + 50);
		Map<String, String> unmatched = Map.of("endpoint", "UNMATCHED", "method", "GET", "status_code", "404");
		assertThat(after.value("http_requests_total", unmatched) - before.value("http_requests_total", unmatched))
			.isEqualTo(10_000);
		assertThat(endpoints(after)).noneMatch((endpoint) -> endpoint.startsWith("/random"));
	}

	@Test
	void scrapeWhenPathVariablesHoldHostileCharactersThenEndpointIsTheRouteTemplate() {
		Map<String, String> items = Map.of("endpoint", "/items/{id}", "method", "GET", "status_code", "200");
		double before = scrape(this.port).value("http_requests_total", items);
		List<String> ids = List.of("a%20b", "%C3%A9t%C3%A9%E2%9C%93%F0%9F%98%80", "%22quoted%22", "'single'",
				"%3Cscript%3Ealert(1)%3C%2Fscript%3E", "a%2Fb", "%25%25", "back%5Cslash", "new%0Aline",
				"x".repeat(2000), "%7B%7D%5B%5D", "...", "a;b=c");
		int ok = 0;
		for (String id : ids) {
			int status = TestHttp.get(this.port, "/items/" + id).statusCode();
			if (status == 200) {
				ok++;
			}
		}
		Exposition after = scrape(this.port);
		assertThat(ok).isGreaterThanOrEqualTo(8);
		assertThat(after.value("http_requests_total", items) - before).isEqualTo(ok);
		assertThat(endpoints(after)).allMatch((endpoint) -> endpoint.equals("/items/{id}")
				|| endpoint.equals("UNMATCHED") || endpoint.equals("/metrics") || endpoint.equals("/any"));
	}

	@Test
	void scrapeWhenUnusualMethodsThenMethodLabelIsBounded() {
		List<String> methods = List.of("PROPFIND", "FOO", "get", "Get", "M".repeat(100), "BREW");
		List<Integer> statuses = new ArrayList<>();
		for (String method : methods) {
			statuses.add(TestHttp.raw(this.port, method, "/any"));
		}
		Exposition after = scrape(this.port);
		Set<String> labels = new TreeSet<>();
		after.samples("http_requests_total").forEach((s) -> labels.add(s.labels().get("method")));
		assertThat(KNOWN_METHODS).containsAll(labels);
		long served = statuses.stream().filter((status) -> status == 200).count();
		assertThat(served).as("statuses %s", statuses).isEqualTo(methods.size());
		assertThat(after.value("http_requests_total", Map.of("endpoint", "/any", "method", "OTHER")))
			.isGreaterThanOrEqualTo(methods.size());
	}

	@Test
	void scrapeWhenAcceptAsksForOpenMetricsThenRendersOpenMetrics() {
		TestHttp.get(this.port, "/items/1");
		HttpResponse<String> response = TestHttp.get(this.port, "/metrics", PROMETHEUS_ACCEPT);
		assertOpenMetrics(response);
	}

	@Test
	void scrapeWhenAcceptIsUnsupportedThenRendersPrometheusText() {
		HttpResponse<String> response = TestHttp.get(this.port, "/metrics", "application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
	}

	@Test
	void scrapeOnManagementPortWhenSeparateThenServesTheSameRegistry() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		TestHttp.get(this.port, "/items/7");
		Exposition exposition = scrape(this.managementPort);
		assertThat(exposition.value("http_requests_total", Map.of("endpoint", "/items/{id}"))).isGreaterThanOrEqualTo(1);
		assertThat(exposition.names()).contains("jvm_memory_used_bytes");
		assertOpenMetrics(TestHttp.get(this.managementPort, "/metrics", PROMETHEUS_ACCEPT));
		assertThat(TestHttp.get(this.managementPort, "/items/7").statusCode()).isEqualTo(404);
	}

	static void assertOpenMetrics(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/openmetrics-text").contains("version=1.0.0"));
		assertThat(response.body()).endsWith("# EOF\n");
		Exposition exposition = Exposition.parse(response.body());
		assertThat(exposition.type("http_requests")).isEqualTo("counter");
		assertThat(exposition.samples("http_requests_total")).isNotEmpty();
		assertThat(exposition.samples("http_request_duration_seconds_bucket")).isNotEmpty();
	}

	static Exposition scrape(int port) {
		HttpResponse<String> response = TestHttp.get(port, "/metrics");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/plain").contains("version=0.0.4"));
		return Exposition.parse(response.body());
	}

	static List<Sample> seriesOf(Exposition exposition, String prefix) {
		return exposition.samples().stream().filter((sample) -> sample.name().startsWith(prefix)).toList();
	}

	static Set<String> endpoints(Exposition exposition) {
		Set<String> endpoints = new TreeSet<>();
		exposition.samples("http_requests_total").forEach((s) -> endpoints.add(s.labels().get("endpoint")));
		return endpoints;
	}

	@RestController
	static class TestController {

		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			return id;
		}

		@RequestMapping("/any")
		String any() {
			return "any";
		}

	}

}
