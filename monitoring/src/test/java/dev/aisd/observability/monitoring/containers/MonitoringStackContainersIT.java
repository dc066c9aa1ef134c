package dev.aisd.observability.monitoring.containers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.monitoring.MonitoringFiles;
import dev.aisd.observability.monitoring.MonitoringFiles.DashboardQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images a user runs beside the service, with this directory's files as a user
 * deploys them: Prometheus ({@code prometheus.yml} and every rule file), Alertmanager
 * ({@code alertmanager.yml}) and Grafana with the shipped provisioning (the data source
 * pointed at the Prometheus container, the dashboard provider unchanged). Every
 * dashboard must load in Grafana with all its panels, and every panel query must run
 * through Grafana's query API against Prometheus without an error. (That the queries
 * return data is MonitoringIT's job, with the sample service and a real Prometheus.)
 * <p>
 * Opt-in: {@code ./mvnw -pl monitoring verify -Ptestcontainers} on a machine with a
 * Docker engine; without one the class is disabled. CI runs the local-process tests.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringStackContainersIT {

	private static final String PROMETHEUS_IMAGE = "prom/prometheus:v2.53.4";

	private static final String ALERTMANAGER_IMAGE = "prom/alertmanager:v0.28.1";

	private static final String GRAFANA_IMAGE = "grafana/grafana:11.6.0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MonitoringFiles files = MonitoringFiles.locate();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Network network = Network.newNetwork();

	private final List<GenericContainer<?>> containers = new ArrayList<>();

	private GenericContainer<?> prometheus;

	private GenericContainer<?> alertmanager;

	private GenericContainer<?> grafana;

	@BeforeAll
	void start() throws IOException {
		Path work = Files.createTempDirectory("monitoring-containers");
		this.alertmanager = container(ALERTMANAGER_IMAGE, "alertmanager", 9093, "/-/ready")
			.withCopyFileToContainer(MountableFile.forHostPath(this.files.alertmanagerConfig()),
					"/etc/alertmanager/alertmanager.yml");
		this.alertmanager.start();
		String config = Files.readString(this.files.prometheusConfig()).replace("localhost:9093", "alertmanager:9093");
		Path prometheusYml = Files.writeString(work.resolve("prometheus.yml"), config);
		this.prometheus = container(PROMETHEUS_IMAGE, "prometheus", 9090, "/-/ready")
			.withCopyFileToContainer(MountableFile.forHostPath(prometheusYml), "/etc/prometheus/prometheus.yml")
			.withCopyFileToContainer(MountableFile.forHostPath(this.files.root().resolve("rules")),
					"/etc/prometheus/rules");
		this.prometheus.start();
		Path provisioning = this.files.root().resolve("grafana").resolve("provisioning");
		String datasource = Files.readString(provisioning.resolve("datasources").resolve("prometheus.yml"))
			.replace("http://127.0.0.1:9090", "http://prometheus:9090");
		assertThat(datasource).as("data source provisioning points at the Prometheus container")
			.contains("http://prometheus:9090");
		Path datasourceYml = Files.writeString(work.resolve("datasource.yml"), datasource);
		// The dashboard provider is used as shipped: the dashboards go where it says.
		this.grafana = container(GRAFANA_IMAGE, "grafana", 3000, "/api/health")
			.withEnv("GF_AUTH_ANONYMOUS_ENABLED", "true")
			.withEnv("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer")
			.withCopyFileToContainer(MountableFile.forHostPath(datasourceYml),
					"/etc/grafana/provisioning/datasources/prometheus.yml")
			.withCopyFileToContainer(MountableFile.forHostPath(provisioning.resolve("dashboards")),
					"/etc/grafana/provisioning/dashboards")
			.withCopyFileToContainer(
					MountableFile.forHostPath(this.files.root().resolve("grafana").resolve("dashboards")),
					"/var/lib/grafana/dashboards/observability");
		this.grafana.start();
	}

	@AfterAll
	void stop() {
		for (GenericContainer<?> container : this.containers) {
			container.stop();
		}
		this.network.close();
	}

	@Test
	void prometheusWhenStartedWithTheShippedFilesThenLoadsEveryRuleGroupAndFindsAlertmanager() throws Exception {
		int groups = 0;
		for (Path ruleFile : this.files.ruleFiles()) {
			groups += ((List<?>) MonitoringFiles.yaml(ruleFile).get("groups")).size();
		}
		JsonNode rules = get(this.prometheus, 9090, "/api/v1/rules");
		assertThat(rules.path("data").path("groups").size()).isEqualTo(groups);
		JsonNode alertmanagers = get(this.prometheus, 9090, "/api/v1/alertmanagers");
		assertThat(alertmanagers.path("data").path("activeAlertmanagers").toString()).contains("alertmanager:9093");
	}

	@Test
	void grafanaWhenProvisionedThenLoadsEveryDashboardWithAllItsPanels() throws Exception {
		for (Path file : this.files.dashboards()) {
			JsonNode shipped = MonitoringFiles.json(file);
			JsonNode loaded = get(this.grafana, 3000, "/api/dashboards/uid/" + shipped.path("uid").asString());
			assertThat(loaded.path("dashboard").path("title").asString()).as(file.toString())
				.isEqualTo(shipped.path("title").asString());
			assertThat(MonitoringFiles.panels(loaded.path("dashboard"))).as(file.toString())
				.hasSameSizeAs(MonitoringFiles.panels(shipped));
			assertThat(loaded.path("meta").path("provisioned").asBoolean()).as(file.toString()).isTrue();
		}
	}

	@Test
	void grafanaWhenRunningEveryPanelQueryThenPrometheusAnswersWithoutError() throws Exception {
		Map<String, String> errors = new LinkedHashMap<>();
		for (DashboardQuery query : this.files.dashboardQueries()) {
			if (query.variable()) {
				continue;
			}
			String body = JSON.writeValueAsString(Map.of("from", "now-15m", "to", "now", "queries",
					List.of(Map.of("refId", "A", "datasource", Map.of("type", "prometheus", "uid", "prometheus"),
							"expr", MonitoringFiles.substituteVariables(query.expr()), "range", true, "instant", false,
							"intervalMs", 15000, "maxDataPoints", 100))));
			HttpResponse<String> response = this.http.send(HttpRequest
				.newBuilder(URI.create(url(this.grafana, 3000, "/api/ds/query")))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode result = JSON.readTree(response.body()).path("results").path("A");
			if (response.statusCode() != 200 || result.has("error")) {
				errors.put(query.location(), response.statusCode() + " " + result.path("error").asString());
			}
		}
		assertThat(errors).withFailMessage("Panel queries Grafana could not run: %s", errors).isEmpty();
	}

	private GenericContainer<?> container(String image, String alias, int port, String readyPath) {
		GenericContainer<?> container = new GenericContainer<>(image).withNetwork(this.network)
			.withNetworkAliases(alias)
			.withExposedPorts(port)
			.waitingFor(Wait.forHttp(readyPath).forPort(port).withStartupTimeout(Duration.ofMinutes(2)));
		this.containers.add(container);
		return container;
	}

	private JsonNode get(GenericContainer<?> container, int port, String path) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url(container, port, path)))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String url(GenericContainer<?> container, int port, String path) {
		return "http://" + container.getHost() + ":" + container.getMappedPort(port) + path;
	}

}
