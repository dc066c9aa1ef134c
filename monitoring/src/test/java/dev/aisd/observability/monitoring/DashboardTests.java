package dev.aisd.observability.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.aisd.observability.monitoring.MonitoringFiles.DashboardQuery;
import dev.aisd.observability.test.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards import as they are: valid JSON in Grafana's dashboard model, a
 * Prometheus data source variable, job / instance / service variables, and a PromQL
 * query behind every panel.
 */
class DashboardTests {

	private static final Set<String> PANELS_WITHOUT_QUERIES = Set.of("row", "text", "news", "dashlist");

	private final MonitoringFiles files = MonitoringFiles.locate();

	@Test
	void dashboardsWhenListedThenHoldTheSevenSecurityDashboardsTheServiceAndTheSloDashboard() {
		List<String> uids = this.files.dashboards().stream().map((f) -> MonitoringFiles.json(f).path("uid").asString())
			.toList();
		assertThat(uids).containsExactlyInAnyOrder("obs-security-threat-overview",
				"obs-security-detection-performance", "obs-security-attack-trends",
				"obs-security-authentication-health", "obs-security-scorecard", "obs-security-compliance-status",
				"obs-security-response-readiness", "obs-service-overview", "obs-slo-error-budget");
	}

	@Test
	void dashboardsWhenParsedThenHaveUniqueUidsTitlesAndACurrentSchema() {
		Set<String> uids = new HashSet<>();
		Set<String> titles = new HashSet<>();
		for (Path file : this.files.dashboards()) {
			JsonNode dashboard = MonitoringFiles.json(file);
			String uid = dashboard.path("uid").asString();
			assertThat(uid).as(file.toString()).matches("[a-zA-Z0-9_-]{1,40}");
			assertThat(uids.add(uid)).as("uid %s of %s is not unique", uid, file).isTrue();
			assertThat(titles.add(dashboard.path("title").asString())).as("title of " + file).isTrue();
			assertThat(dashboard.path("schemaVersion").asInt()).as(file.toString()).isBetween(36, 41);
			// An id would tie the file to one Grafana database; import must create a new one.
			assertThat(dashboard.path("id").isNull()).as("id of " + file).isTrue();
		}
	}

	@Test
	void dashboardsWhenParsedThenSelectPrometheusThroughADatasourceVariable() {
		for (Path file : this.files.dashboards()) {
			JsonNode dashboard = MonitoringFiles.json(file);
			JsonNode datasource = variable(dashboard, "datasource");
			assertThat(datasource.path("type").asString()).as(file.toString()).isEqualTo("datasource");
			assertThat(datasource.path("query").asString()).as(file.toString()).isEqualTo("prometheus");
		}
	}

	@Test
	void dashboardsWhenParsedThenHaveJobInstanceAndServiceVariablesFromLabelValues() {
		for (Path file : this.files.dashboards()) {
			JsonNode dashboard = MonitoringFiles.json(file);
			for (String name : List.of("job", "instance", "service")) {
				JsonNode variable = variable(dashboard, name);
				String where = file.getFileName() + " $" + name;
				assertThat(variable.path("type").asString()).as(where).isEqualTo("query");
				assertThat(variable.path("datasource").path("uid").asString()).as(where).isEqualTo("${datasource}");
				assertThat(variable.path("query").path("query").asString()).as(where)
					.startsWith("label_values(")
					.endsWith(", " + name + ")");
				assertThat(variable.path("includeAll").asBoolean()).as(where).isTrue();
				assertThat(variable.path("allValue").asString()).as(where).isEqualTo(".*");
			}
		}
	}

	@Test
	void panelsWhenParsedThenEveryPanelHasPromqlTargetsOnTheDatasourceVariable() {
		List<String> problems = new ArrayList<>();
		for (Path file : this.files.dashboards()) {
			JsonNode dashboard = MonitoringFiles.json(file);
			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : MonitoringFiles.panels(dashboard)) {
				String where = file.getFileName() + " / " + panel.path("title").asString();
				if (!ids.add(panel.path("id").asInt())) {
					problems.add(where + ": duplicate panel id");
				}
				JsonNode grid = panel.path("gridPos");
				if (grid.path("w").asInt() < 1 || grid.path("x").asInt() + grid.path("w").asInt() > 24) {
					problems.add(where + ": gridPos outside the 24 columns");
				}
				if (PANELS_WITHOUT_QUERIES.contains(panel.path("type").asString())) {
					continue;
				}
				if (!"${datasource}".equals(panel.path("datasource").path("uid").asString())) {
					problems.add(where + ": panel datasource is not ${datasource}");
				}
				if (panel.path("targets").isEmpty()) {
					problems.add(where + ": no targets");
				}
				for (JsonNode target : panel.path("targets")) {
					if (target.path("expr").asString("").isBlank()) {
						problems.add(where + ": target " + target.path("refId").asString() + " has no expr");
					}
					if (!"${datasource}".equals(target.path("datasource").path("uid").asString())) {
						problems.add(where + ": target datasource is not ${datasource}");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void panelQueriesWhenVariablesAreSubstitutedThenPromtoolParsesThem(@TempDir Path dir) throws IOException {
		// promtool has no "parse this expression" command, so every panel query becomes
		// the expression of a recording rule that promtool check rules parses.
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
		List<DashboardQuery> queries = this.files.dashboardQueries().stream().filter((q) -> !q.variable()).toList();
		for (int i = 0; i < queries.size(); i++) {
			rules.append("      - record: dashboard:query:").append(i).append('\n');
			rules.append("        expr: '")
				.append(MonitoringFiles.substituteVariables(queries.get(i).expr()).replace("'", "''"))
				.append("'\n");
		}
		Files.writeString(dir.resolve("queries.yml"), rules);
		ExternalTool.Result result = ExternalTool.run(dir, Duration.ofMinutes(1),
				List.of("promtool", "check", "rules", "queries.yml"));
		assertThat(result.exitCode()).withFailMessage(() -> result.describe() + "\nqueries:\n" + String.join("\n",
				queries.stream().map((q) -> q.location() + ": " + q.expr()).toList())).isZero();
		assertThat(queries).hasSizeGreaterThan(80);
	}

	@Test
	void panelQueriesWhenSubstitutedThenLeaveNoTemplateVariable() {
		for (DashboardQuery query : this.files.dashboardQueries()) {
			if (!query.variable()) {
				assertThat(MonitoringFiles.substituteVariables(query.expr())).as(query.location()).doesNotContain("$");
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void provisioningWhenParsedThenDefinesAPrometheusDatasourceAndAFileProvider() {
		Path provisioning = this.files.root().resolve("grafana").resolve("provisioning");
		Map<String, Object> datasources = MonitoringFiles.yaml(provisioning.resolve("datasources/prometheus.yml"));
		assertThat((List<Map<String, Object>>) datasources.get("datasources")).singleElement()
			.satisfies((ds) -> assertThat(ds).containsEntry("type", "prometheus").containsKey("url"));
		Map<String, Object> dashboards = MonitoringFiles.yaml(provisioning.resolve("dashboards/observability.yml"));
		assertThat((List<Map<String, Object>>) dashboards.get("providers")).singleElement()
			.satisfies((provider) -> assertThat(provider).containsEntry("type", "file").containsKey("options"));
	}

	private static JsonNode variable(JsonNode dashboard, String name) {
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if (name.equals(variable.path("name").asString())) {
				return variable;
			}
		}
		throw new AssertionError("No template variable " + name + " in " + dashboard.path("title").asString());
	}

}
