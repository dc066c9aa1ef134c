package dev.aisd.observability.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files of the {@code monitoring/} directory, found from the working directory of
 * either the monitoring module (the directory itself) or a sibling module, and parsed.
 */
public final class MonitoringFiles {

	/**
	 * Series that Prometheus itself writes, for every target or alerting rule, which no
	 * application exposes.
	 */
	public static final Set<String> PROMETHEUS_GENERATED = Set.of("up", "scrape_duration_seconds",
			"scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS",
			"ALERTS_FOR_STATE");

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{?(__rate_interval|__interval|__range|job|instance|service)\\}?");

	private final Path root;

	private MonitoringFiles(Path root) {
		this.root = root;
	}

	/**
	 * Locate the monitoring directory: the working directory when it holds
	 * {@code prometheus.yml} (the monitoring module), otherwise {@code monitoring/} or
	 * {@code ../monitoring/}.
	 * @return the files
	 */
	public static MonitoringFiles locate() {
		Path cwd = Path.of("").toAbsolutePath();
		for (Path candidate : List.of(cwd, cwd.resolve("monitoring"), cwd.resolveSibling("monitoring"))) {
			if (Files.isRegularFile(candidate.resolve("prometheus.yml"))
					&& Files.isDirectory(candidate.resolve("rules"))) {
				return new MonitoringFiles(candidate.normalize());
			}
		}
		throw new IllegalStateException("No monitoring directory (with prometheus.yml and rules/) found from " + cwd);
	}

	/**
	 * Return the monitoring directory.
	 * @return its path
	 */
	public Path root() {
		return this.root;
	}

	/**
	 * Return the Prometheus configuration file.
	 * @return its path
	 */
	public Path prometheusConfig() {
		return this.root.resolve("prometheus.yml");
	}

	/**
	 * Return the Alertmanager configuration file.
	 * @return its path
	 */
	public Path alertmanagerConfig() {
		return this.root.resolve("alertmanager.yml");
	}

	/**
	 * Return the operations guide the runbook URLs point into.
	 * @return its path
	 */
	public Path operationsGuide() {
		return this.root.resolveSibling("docs").resolve("operations.md");
	}

	/**
	 * Return the rule files, sorted by name.
	 * @return their paths
	 */
	public List<Path> ruleFiles() {
		return list(this.root.resolve("rules"), ".yml");
	}

	/**
	 * Return the promtool unit test files, sorted by name.
	 * @return their paths
	 */
	public List<Path> ruleTestFiles() {
		return list(this.root.resolve("tests"), ".yml");
	}

	/**
	 * Return the Grafana dashboards, sorted by name.
	 * @return their paths
	 */
	public List<Path> dashboards() {
		return list(this.root.resolve("grafana").resolve("dashboards"), ".json");
	}

	/**
	 * Return every rule of every rule file.
	 * @return the rules in file order
	 */
	@SuppressWarnings("unchecked")
	public List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		for (Path file : ruleFiles()) {
			Map<String, Object> document = yaml(file);
			for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
				for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
					rules.add(new Rule(file.getFileName().toString(), (String) group.get("name"),
							(String) rule.get("alert"), (String) rule.get("record"), String.valueOf(rule.get("expr")),
							(rule.get("for") != null) ? String.valueOf(rule.get("for")) : null,
							stringMap(rule.get("labels")), stringMap(rule.get("annotations"))));
				}
			}
		}
		return rules;
	}

	/**
	 * Return the names of all recording rules.
	 * @return the names
	 */
	public Set<String> recordedNames() {
		Set<String> names = new LinkedHashSet<>();
		for (Rule rule : rules()) {
			if (rule.record() != null) {
				names.add(rule.record());
			}
		}
		return names;
	}

	/**
	 * Return the metric names of the committed allow-list {@code exposed-metrics.txt}:
	 * the series names the starter's /metrics exposes and our rules and dashboards may
	 * read. MonitoringIT verifies it against a real scrape.
	 * @return the names
	 */
	public Set<String> exposedMetricNames() {
		Set<String> names = new LinkedHashSet<>();
		for (String line : readLines(this.root.resolve("exposed-metrics.txt"))) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				names.add(trimmed);
			}
		}
		return names;
	}

	/**
	 * Return every PromQL query of every dashboard: panel targets and template variable
	 * queries.
	 * @return the queries
	 */
	public List<DashboardQuery> dashboardQueries() {
		List<DashboardQuery> queries = new ArrayList<>();
		for (Path file : dashboards()) {
			JsonNode dashboard = json(file);
			String name = file.getFileName().toString();
			for (JsonNode panel : panels(dashboard)) {
				for (JsonNode target : panel.path("targets")) {
					queries.add(new DashboardQuery(name, panel.path("title").asString(),
							target.path("refId").asString(), target.path("expr").asString(), false));
				}
			}
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				if ("query".equals(variable.path("type").asString())) {
					JsonNode query = variable.path("query");
					String text = query.isObject() ? query.path("query").asString() : query.asString();
					queries.add(new DashboardQuery(name, "$" + variable.path("name").asString(), "variable", text,
							true));
				}
			}
		}
		return queries;
	}

	/**
	 * Return the panels of a dashboard, including those nested in collapsed rows.
	 * @param dashboard the dashboard
	 * @return the panels
	 */
	public static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			panels.add(panel);
			for (JsonNode nested : panel.path("panels")) {
				panels.add(nested);
			}
		}
		return panels;
	}

	/**
	 * Replace Grafana's template variables in a panel expression by values Prometheus can
	 * run: every job, instance and service ({@code .*}) and a one-minute rate interval.
	 * @param expr the panel expression
	 * @return the runnable expression
	 */
	public static String substituteVariables(String expr) {
		Matcher matcher = TEMPLATE_VARIABLE.matcher(expr);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String replacement = switch (matcher.group(1)) {
				case "__rate_interval", "__interval" -> "1m";
				case "__range" -> "1h";
				default -> ".*";
			};
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * Parse a JSON file.
	 * @param file the file
	 * @return the tree
	 */
	public static JsonNode json(Path file) {
		return JSON.readTree(file.toFile());
	}

	/**
	 * Parse a YAML file as a map.
	 * @param file the file
	 * @return the document
	 */
	public static Map<String, Object> yaml(Path file) {
		try {
			return new Yaml().load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> stringMap(Object value) {
		Map<String, String> map = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> source) {
			source.forEach((k, v) -> map.put(String.valueOf(k), String.valueOf(v)));
		}
		return map;
	}

	private static List<Path> list(Path directory, String suffix) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One recording or alerting rule.
	 *
	 * @param file the rule file name
	 * @param group the rule group
	 * @param alert the alert name, {@code null} for a recording rule
	 * @param record the recorded name, {@code null} for an alert
	 * @param expr the expression
	 * @param forDuration the {@code for} duration or {@code null}
	 * @param labels the rule's labels
	 * @param annotations the rule's annotations
	 */
	public record Rule(String file, String group, String alert, String record, String expr, String forDuration,
			Map<String, String> labels, Map<String, String> annotations) {

		/**
		 * Return the alert or recorded name.
		 * @return the name
		 */
		public String name() {
			return (this.alert != null) ? this.alert : this.record;
		}

	}

	/**
	 * One PromQL query of a dashboard.
	 *
	 * @param dashboard the dashboard file name
	 * @param panel the panel title (or {@code $variable} for a template variable)
	 * @param refId the target's refId
	 * @param expr the query as written in the dashboard
	 * @param variable whether this is a template variable query ({@code label_values})
	 */
	public record DashboardQuery(String dashboard, String panel, String refId, String expr, boolean variable) {

		/**
		 * Describe where the query lives, for failure messages.
		 * @return dashboard, panel and refId
		 */
		public String location() {
			return this.dashboard + " / " + this.panel + " / " + this.refId;
		}

	}

}
