package dev.aisd.observability.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provisioned Grafana data sources link signals together: exemplars of the
 * Prometheus data source and the {@code trace_id} of the service's real JSON log lines
 * (through the Loki data source's derived field) lead to the trace data source, which
 * links back to the logs.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.export.otlp.enabled=false" })
@ExtendWith(OutputCaptureExtension.class)
class GrafanaDatasourcesTests {

	private static final Path DATASOURCES = Path.of("..", "monitoring", "grafana", "provisioning", "datasources");

	@LocalServerPort
	int port;

	@Test
	void exemplarDestinationWhenProvisionedThenTraceIdLabelLeadsToTheTraceDatasource() throws IOException {
		Map<String, Object> prometheus = datasource("prometheus.yml", "prometheus");
		List<Map<String, Object>> destinations = list(map(prometheus.get("jsonData")).get("exemplarTraceIdDestinations"));
		assertThat(destinations).singleElement().satisfies((destination) -> {
			assertThat(destination).containsEntry("name", "trace_id");
			assertThat(destination.get("datasourceUid")).isEqualTo(datasource("zipkin.yml", "zipkin").get("uid"));
		});
	}

	@Test
	void traceDatasourceWhenProvisionedThenLinksBackToLokiByTraceId() throws IOException {
		Map<String, Object> traces = datasource("zipkin.yml", "zipkin");
		Map<String, Object> toLogs = map(map(traces.get("jsonData")).get("tracesToLogsV2"));
		assertThat(toLogs.get("datasourceUid")).isEqualTo(datasource("loki.yml", "loki").get("uid"));
		assertThat(toLogs).containsEntry("filterByTraceID", true);
	}

	@Test
	void lokiDerivedFieldWhenAppliedToRealLogLinesThenExtractsTheTraceIdOfTheRequest(CapturedOutput output)
			throws Exception {
		Map<String, Object> loki = datasource("loki.yml", "loki");
		Map<String, Object> field = list(map(loki.get("jsonData")).get("derivedFields")).get(0);
		assertThat(field.get("datasourceUid")).isEqualTo(datasource("zipkin.yml", "zipkin").get("uid"));
		// Provisioning files expand $VAR: "$$" keeps a literal "$" for Grafana's own ${__value.raw}.
		assertThat(field.get("url")).isEqualTo("$${__value.raw}");
		Pattern matcher = Pattern.compile((String) field.get("matcherRegex"));
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/items"))
				.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> lines = new ArrayList<>();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			lines.clear();
			for (String line : output.getOut().split("\\R")) {
				if (line.startsWith("{") && line.contains("Handled request") && line.contains(traceId)) {
					lines.add(line);
				}
			}
			assertThat(lines).isNotEmpty();
		});
		for (String line : lines) {
			Matcher match = matcher.matcher(line);
			assertThat(match.find()).as(line).isTrue();
			assertThat(match.group(1)).isEqualTo(traceId);
		}
		assertThat(matcher.matcher("{\"message\":\"Started\",\"trace_id\":\"\"}").find()).isFalse();
	}

	private static Map<String, Object> datasource(String file, String type) throws IOException {
		try (InputStream in = Files.newInputStream(DATASOURCES.resolve(file))) {
			Map<String, Object> root = new Yaml().load(in);
			List<Map<String, Object>> datasources = list(root.get("datasources"));
			assertThat(datasources).as(file).singleElement().satisfies((ds) -> assertThat(ds).containsEntry("type", type));
			return datasources.get(0);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Map<String, Object>>) value;
	}

}
