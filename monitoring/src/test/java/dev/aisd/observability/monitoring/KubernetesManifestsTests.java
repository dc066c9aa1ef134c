package dev.aisd.observability.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.aisd.observability.test.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes and Istio manifests of {@code deploy/kubernetes/} fit the application
 * and the monitoring files: probes and scrapes hit the paths and ports the sample
 * service really serves, the PrometheusRules carry the promtool-tested rule files byte
 * for byte, the dashboards and Alertmanager configuration are the committed ones, the
 * canary split routes to pods that exist, and yamllint finds nothing. (That the files
 * are what the generator renders is {@code GeneratedFilesTests}.)
 */
class KubernetesManifestsTests {

	private static final Pattern DEFAULT_ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);

	private final MonitoringFiles files = MonitoringFiles.locate();

	private final Path repository = this.files.root().getParent();

	private final Path kubernetes = this.repository.resolve("deploy").resolve("kubernetes");

	@Test
	@SuppressWarnings("unchecked")
	void deploymentsWhenParsedThenProbeThePathsAndPortsTheApplicationServes() throws IOException {
		Map<String, String> defaults = propertyDefaults();
		int applicationPortDefault = applicationPortDefault();
		List<Map<String, Object>> deployments = documents("sample-service-deployment.yaml");
		assertThat(deployments).hasSize(2).allSatisfy((deployment) -> assertThat(deployment).containsEntry("kind",
				"Deployment"));
		for (Map<String, Object> deployment : deployments) {
			Map<String, Object> container = ((List<Map<String, Object>>) path(deployment, "spec", "template", "spec",
					"containers")).get(0);
			Map<String, Integer> ports = new HashMap<>();
			for (Map<String, Object> port : (List<Map<String, Object>>) container.get("ports")) {
				ports.put((String) port.get("name"), (Integer) port.get("containerPort"));
			}
			Map<String, String> env = new HashMap<>();
			for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
				env.put((String) variable.get("name"), (String) variable.get("value"));
			}
			// server.port is ${PORT:...} in application.yml; Boot binds MANAGEMENT_SERVER_PORT
			// to management.server.port (relaxed binding of environment variables).
			assertThat(env.get("PORT")).isEqualTo(String.valueOf(ports.get("http")));
			assertThat(ports.get("http")).isEqualTo(applicationPortDefault);
			assertThat(env.get("MANAGEMENT_SERVER_PORT")).isEqualTo(String.valueOf(ports.get("management")));
			assertThat(ports.get("management")).isNotEqualTo(ports.get("http"));
			assertThat(env).containsKey("SAMPLE_SECURITY_OPERATOR_PASSWORD");
			assertThat(probe(container, "startupProbe")).containsEntry("port", "management")
				.containsEntry("path", defaults.get("observability.health.live-path"));
			assertThat(probe(container, "livenessProbe")).containsEntry("port", "management")
				.containsEntry("path", defaults.get("observability.health.live-path"));
			assertThat(probe(container, "readinessProbe")).containsEntry("port", "management")
				.containsEntry("path", defaults.get("observability.health.ready-path"));
			// The sidecar must not intercept the port kubelet and Prometheus call directly.
			assertThat((Map<String, Object>) path(deployment, "spec", "template", "metadata", "annotations"))
				.containsEntry("traffic.sidecar.istio.io/excludeInboundPorts", String.valueOf(ports.get("management")));
		}
		assertThat(defaults.get("observability.health.live-path")).isEqualTo("/health/live");
	}

	@Test
	@SuppressWarnings("unchecked")
	void podMonitorWhenParsedThenScrapesTheMetricsPathOnTheManagementPortOfEveryVersion() throws IOException {
		Map<String, Object> podMonitor = single("sample-service-podmonitor.yaml");
		assertThat(podMonitor).containsEntry("kind", "PodMonitor");
		Map<String, Object> endpoint = ((List<Map<String, Object>>) path(podMonitor, "spec", "podMetricsEndpoints"))
			.get(0);
		assertThat(endpoint).containsEntry("port", "management")
			.containsEntry("path", propertyDefaults().get("observability.metrics.path"));
		Map<String, Object> selector = (Map<String, Object>) path(podMonitor, "spec", "selector", "matchLabels");
		for (Map<String, Object> deployment : documents("sample-service-deployment.yaml")) {
			Map<String, Object> labels = (Map<String, Object>) path(deployment, "spec", "template", "metadata",
					"labels");
			assertThat(labels).containsAllEntriesOf(selector);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void meshWhenParsedThenSplitsNinetyTenBetweenSubsetsThatSelectExistingPods() throws IOException {
		Map<String, Object> service = single("sample-service-service.yaml");
		Map<String, Object> virtualService = single("istio/sample-service-virtualservice.yaml");
		Map<String, Object> destinationRule = single("istio/sample-service-destinationrule.yaml");
		String host = (String) path(service, "metadata", "name");
		assertThat((List<String>) path(virtualService, "spec", "hosts")).containsExactly(host);
		assertThat(path(destinationRule, "spec", "host")).isEqualTo(host);
		Map<String, Map<String, Object>> subsets = new HashMap<>();
		for (Map<String, Object> subset : (List<Map<String, Object>>) path(destinationRule, "spec", "subsets")) {
			subsets.put((String) subset.get("name"), (Map<String, Object>) subset.get("labels"));
		}
		List<Map<String, Object>> podLabels = new ArrayList<>();
		for (Map<String, Object> deployment : documents("sample-service-deployment.yaml")) {
			podLabels.add((Map<String, Object>) path(deployment, "spec", "template", "metadata", "labels"));
		}
		Map<String, Integer> weights = new HashMap<>();
		List<Map<String, Object>> http = (List<Map<String, Object>>) path(virtualService, "spec", "http");
		for (Map<String, Object> route : (List<Map<String, Object>>) http.get(0).get("route")) {
			Map<String, Object> destination = (Map<String, Object>) route.get("destination");
			assertThat(destination).containsEntry("host", host);
			String subset = (String) destination.get("subset");
			assertThat(subsets).containsKey(subset);
			assertThat(podLabels).as("pods of subset %s", subset)
				.anySatisfy((labels) -> assertThat(labels).containsAllEntriesOf(subsets.get(subset))
					.containsAllEntriesOf((Map<String, Object>) path(service, "spec", "selector")));
			weights.put(subset, (Integer) route.get("weight"));
		}
		assertThat(weights).containsEntry("v1", 90).containsEntry("v2", 10);
		// Istio picks the protocol from the Service port name.
		assertThat(((List<Map<String, Object>>) path(service, "spec", "ports")).get(0)).containsEntry("name", "http")
			.containsEntry("targetPort", "http");
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusRulesWhenComparedThenCarryEveryRuleFileByteForByte() throws IOException {
		String manifest = Files.readString(this.kubernetes.resolve("prometheus-rules.yaml"));
		String[] documents = manifest.split("\n---\n");
		List<Path> ruleFiles = this.files.ruleFiles();
		assertThat(documents).hasSize(ruleFiles.size() + 1);
		for (int i = 0; i < ruleFiles.size(); i++) {
			String document = documents[i + 1];
			String rules = Files.readString(ruleFiles.get(i));
			assertThat(document).startsWith("# monitoring/rules/" + ruleFiles.get(i).getFileName() + "\n");
			String spec = document.substring(document.indexOf("\nspec:\n") + "\nspec:\n".length());
			String unindented = spec.replaceAll("(?m)^  ", "");
			assertThat(unindented + (unindented.endsWith("\n") ? "" : "\n"))
				.isEqualTo(rules.substring(rules.startsWith("groups:") ? 0 : rules.indexOf("\ngroups:") + 1));
			Map<String, Object> parsed = new Yaml().load(document);
			assertThat(((Map<String, Object>) parsed.get("spec")).get("groups"))
				.isEqualTo(MonitoringFiles.yaml(ruleFiles.get(i)).get("groups"));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void dashboardConfigMapsWhenParsedThenHoldEveryDashboardForTheSidecar() throws IOException {
		List<Map<String, Object>> configMaps = documents("grafana-dashboards.yaml");
		List<Path> dashboards = this.files.dashboards();
		assertThat(configMaps).hasSize(dashboards.size());
		for (int i = 0; i < dashboards.size(); i++) {
			Map<String, Object> configMap = configMaps.get(i);
			assertThat((Map<String, Object>) path(configMap, "metadata", "labels")).containsEntry("grafana_dashboard",
					"1");
			assertThat((Map<String, Object>) configMap.get("data"))
				.containsExactly(Map.entry(dashboards.get(i).getFileName().toString(), Files.readString(dashboards.get(i))));
		}
	}

	@Test
	void alertmanagerSecretWhenParsedThenHoldsTheCommittedConfiguration() throws IOException {
		Map<String, Object> secret = single("alertmanager-secret.yaml");
		assertThat(path(secret, "stringData", "alertmanager.yaml"))
			.isEqualTo(Files.readString(this.files.alertmanagerConfig()));
	}

	@Test
	void yamllintWhenRunOnDeployThenReportsNothing() {
		ExternalTool.Result result = ExternalTool.run(this.repository, Duration.ofMinutes(1),
				List.of("yamllint", "--strict", "-c", "deploy/.yamllint", "deploy/"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isZero();
	}

	@Test
	void yamllintWhenAManifestIsBrokenThenFails(@TempDir Path dir) throws IOException {
		Files.copy(this.repository.resolve("deploy").resolve(".yamllint"), dir.resolve(".yamllint"));
		Files.writeString(dir.resolve("broken.yaml"), "---\nkind: Service\nkind: Service\nspec:\n   ports: [a,b]\n");
		ExternalTool.Result result = ExternalTool.run(dir, Duration.ofMinutes(1),
				List.of("yamllint", "--strict", "-c", ".yamllint", "."));
		assertThat(result.exitCode()).withFailMessage(result::describe).isNotZero();
		assertThat(result.output()).contains("duplication of key");
	}

	// The defaults of the configuration reference, which a test of the autoconfigure
	// module keeps equal to the configuration metadata.
	private Map<String, String> propertyDefaults() throws IOException {
		Map<String, String> defaults = new HashMap<>();
		Matcher rows = DEFAULT_ROW.matcher(Files.readString(this.repository.resolve("docs").resolve("configuration.md")));
		while (rows.find()) {
			defaults.put(rows.group(1), rows.group(2));
		}
		assertThat(defaults).containsKeys("observability.health.live-path", "observability.health.ready-path",
				"observability.metrics.path");
		return defaults;
	}

	@SuppressWarnings("unchecked")
	private int applicationPortDefault() throws IOException {
		Path applicationYml = this.repository.resolve("sample-service/src/main/resources/application.yml");
		Map<String, Object> application = MonitoringFiles.yaml(applicationYml);
		String port = String.valueOf(path(application, "server", "port"));
		Matcher placeholder = Pattern.compile("\\$\\{PORT:(\\d+)}").matcher(port);
		assertThat(placeholder.matches()).as("server.port of application.yml is ${PORT:<default>}: %s", port)
			.isTrue();
		Object management = application.get("management");
		assertThat(management).isInstanceOf(Map.class);
		assertThat((Map<String, Object>) management).as("application.yml must leave management.server.port to "
				+ "the environment").doesNotContainKey("server");
		return Integer.parseInt(placeholder.group(1));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> probe(Map<String, Object> container, String name) {
		assertThat(container).containsKey(name);
		return (Map<String, Object>) ((Map<String, Object>) container.get(name)).get("httpGet");
	}

	@SuppressWarnings("unchecked")
	private static Object path(Map<String, Object> document, String... keys) {
		Object current = document;
		for (String key : keys) {
			assertThat(current).as("parent of %s", key).isInstanceOf(Map.class);
			current = ((Map<String, Object>) current).get(key);
		}
		return current;
	}

	private Map<String, Object> single(String file) throws IOException {
		List<Map<String, Object>> documents = documents(file);
		assertThat(documents).hasSize(1);
		return documents.get(0);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> documents(String file) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(Files.readString(this.kubernetes.resolve(file)))) {
			if (document != null) {
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

}
