package dev.aisd.observability.monitoring.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.aisd.observability.monitoring.MonitoringFiles;

/**
 * Renders every generated file of the repository from its sources: the SLO rules, their
 * promtool tests and the error-budget dashboard from {@code monitoring/slo/slos.yml},
 * and the runbook URLs of the hand-written rule and test files from
 * {@code monitoring/generator.yml}, and the Kubernetes manifests of {@code deploy/kubernetes/}
 * from the settings, the rule files, the dashboards and the Alertmanager configuration.
 * {@code monitoring/generate.sh} writes the result;
 * {@code GeneratedFilesTests} fails when a committed file differs from it.
 */
public final class MonitoringGenerator {

	private final Path repository;

	/**
	 * Create a generator for a checkout.
	 * @param repository the repository root (the parent of {@code monitoring/})
	 */
	public MonitoringGenerator(Path repository) {
		this.repository = repository;
	}

	/**
	 * Write every generated file of the checkout in the working directory (or its
	 * parent): what {@code monitoring/generate.sh} runs.
	 * @param args none
	 */
	public static void main(String[] args) {
		Path repository = MonitoringFiles.locate().root().getParent();
		List<String> written = new MonitoringGenerator(repository).write();
		System.out.println(written.isEmpty() ? "Generated files are up to date" : "Wrote " + String.join(", ", written));
	}

	/**
	 * Render every generated file.
	 * @return the content of every generated file by its path relative to the repository
	 * root, sorted by path
	 */
	public Map<String, String> render() {
		Path monitoring = this.repository.resolve("monitoring");
		GeneratorSettings settings = GeneratorSettings.parse(read(monitoring.resolve("generator.yml")));
		List<Slo> slos = SloFile.parse(read(monitoring.resolve("slo").resolve("slos.yml")));
		SloRules sloRules = new SloRules(slos, settings.runbookBaseUrl());
		Map<String, String> files = new TreeMap<>();
		files.put("monitoring/rules/slo-recording.yml", sloRules.recordingRules());
		files.put("monitoring/rules/slo-alerts.yml", sloRules.alertRules());
		files.put("monitoring/tests/slo.test.yml", sloRules.unitTests());
		files.put("monitoring/grafana/dashboards/slo-error-budget.json", new ErrorBudgetDashboard().render());
		for (String directory : List.of("rules", "tests")) {
			for (Path file : list(monitoring.resolve(directory), ".yml")) {
				String path = "monitoring/" + directory + "/" + file.getFileName();
				files.putIfAbsent(path, RunbookUrls.rewrite(read(file), settings.runbookBaseUrl()));
			}
		}
		if (settings.kubernetes() != null) {
			kubernetes(files, settings, monitoring);
		}
		return files;
	}

	private static void kubernetes(Map<String, String> files, GeneratorSettings settings, Path monitoring) {
		KubernetesManifests manifests = new KubernetesManifests(settings.kubernetes());
		Map<String, String> ruleFiles = new TreeMap<>();
		Map<String, String> dashboards = new TreeMap<>();
		files.forEach((path, content) -> {
			if (path.startsWith("monitoring/rules/")) {
				ruleFiles.put(path.substring("monitoring/rules/".length()), content);
			}
		});
		for (Path dashboard : list(monitoring.resolve("grafana").resolve("dashboards"), ".json")) {
			dashboards.put(dashboard.getFileName().toString(), read(dashboard));
		}
		files.forEach((path, content) -> {
			if (path.startsWith("monitoring/grafana/dashboards/")) {
				dashboards.put(path.substring("monitoring/grafana/dashboards/".length()), content);
			}
		});
		manifests.application().forEach((name, content) -> files.put("deploy/kubernetes/" + name, content));
		files.put("deploy/kubernetes/prometheus-rules.yaml", manifests.prometheusRules(ruleFiles));
		files.put("deploy/kubernetes/grafana-dashboards.yaml", manifests.dashboardConfigMaps(dashboards));
		files.put("deploy/kubernetes/alertmanager-secret.yaml",
				manifests.alertmanagerSecret(read(monitoring.resolve("alertmanager.yml"))));
	}

	/**
	 * Write every generated file that differs from what is on disk.
	 * @return the paths written
	 */
	public List<String> write() {
		Map<String, String> files = render();
		List<String> written = new ArrayList<>();
		files.forEach((path, content) -> {
			Path file = this.repository.resolve(path);
			if (!Files.isRegularFile(file) || !read(file).equals(content)) {
				try {
					Files.createDirectories(file.getParent());
					Files.writeString(file, content);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				written.add(path);
			}
		});
		return written;
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> list(Path directory, String suffix) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
