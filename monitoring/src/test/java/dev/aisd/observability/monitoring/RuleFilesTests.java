package dev.aisd.observability.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.aisd.observability.monitoring.MonitoringFiles.Rule;
import dev.aisd.observability.monitoring.generate.GeneratorSettings;
import dev.aisd.observability.test.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule files pass promtool, their unit tests pass, every alert is tested firing and
 * quiet, and every rule carries the labels and annotations the routing and the runbook
 * rely on.
 */
class RuleFilesTests {

	/**
	 * Alerts that fire by design at every instant (the dead man's switch): a quiet case
	 * cannot exist, so the tests only show them firing.
	 */
	private static final Set<String> ALWAYS_FIRING = Set.of("Watchdog");

	private static final Pattern RECORDING_RULE_NAME = Pattern.compile("[a-z][a-z0-9_]*:[a-z][a-z0-9_]*:[a-z0-9_]+");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$", Pattern.MULTILINE);

	private final MonitoringFiles files = MonitoringFiles.locate();

	@Test
	void checkRulesWhenShippedRulesThenPromtoolAcceptsEveryFile() {
		List<String> command = new ArrayList<>(List.of("promtool", "check", "rules"));
		this.files.ruleFiles().forEach((file) -> command.add("rules/" + file.getFileName()));
		ExternalTool.Result result = ExternalTool.run(this.files.root(), Duration.ofMinutes(1), command);
		assertThat(result.exitCode()).withFailMessage(result::describe).isZero();
		assertThat(this.files.ruleFiles()).hasSizeGreaterThanOrEqualTo(5);
	}

	@Test
	void testRulesWhenShippedUnitTestsThenPromtoolPassesThemAll() {
		List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
		this.files.ruleTestFiles().forEach((file) -> command.add("tests/" + file.getFileName()));
		ExternalTool.Result result = ExternalTool.run(this.files.root(), Duration.ofMinutes(2), command);
		assertThat(result.exitCode()).withFailMessage(result::describe).isZero();
		assertThat(result.output()).doesNotContain("FAILED");
	}

	@Test
	void testRulesWhenAnExpectationIsWrongThenPromtoolFails(@TempDir Path dir) throws IOException {
		Path rules = this.files.root().resolve("rules").resolve("meta-alerts.yml");
		Files.writeString(dir.resolve("wrong.test.yml"), """
				rule_files: ['%s']
				tests:
				  - interval: 1m
				    alert_rule_test:
				      - eval_time: 1m
				        alertname: Watchdog
				        exp_alerts: []
				""".formatted(rules));
		ExternalTool.Result result = ExternalTool.run(dir, Duration.ofMinutes(1),
				List.of("promtool", "test", "rules", "wrong.test.yml"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isNotZero();
	}

	@Test
	void unitTestsWhenCountedPerAlertThenEveryAlertHasAFiringAndAQuietCase() {
		Map<String, Set<String>> cases = alertTestCases();
		Map<String, String> missing = new TreeMap<>();
		for (Rule rule : this.files.rules()) {
			if (rule.alert() == null) {
				continue;
			}
			Set<String> kinds = cases.getOrDefault(rule.alert(), Set.of());
			if (!kinds.contains("firing")) {
				missing.put(rule.alert(), "no case where it fires");
			}
			else if (!kinds.contains("quiet") && !ALWAYS_FIRING.contains(rule.alert())) {
				missing.put(rule.alert(), "no case where it stays quiet");
			}
		}
		assertThat(missing).withFailMessage("Alerts without promtool cases: %s", missing).isEmpty();
	}

	@Test
	void unitTestsWhenScannedThenEveryRecordingRuleHasAValueTest() {
		Set<String> tested = new TreeSet<>();
		for (Path file : this.files.ruleTestFiles()) {
			for (Map<String, Object> test : tests(file)) {
				for (Map<String, Object> exprTest : list(test.get("promql_expr_test"))) {
					tested.addAll(PromQl.metricNames(String.valueOf(exprTest.get("expr"))));
				}
			}
		}
		Set<String> untested = new TreeSet<>(this.files.recordedNames());
		untested.removeAll(tested);
		assertThat(untested).withFailMessage("Recording rules without a promql_expr_test: %s", untested).isEmpty();
	}

	@Test
	void unitTestsWhenScannedThenEveryRuleFileIsLoadedBySomeTest() {
		Set<String> loaded = new TreeSet<>();
		for (Path file : this.files.ruleTestFiles()) {
			for (Object ruleFile : (List<?>) MonitoringFiles.yaml(file).get("rule_files")) {
				loaded.add(Path.of(String.valueOf(ruleFile)).getFileName().toString());
			}
		}
		assertThat(loaded).containsAll(this.files.ruleFiles().stream().map((f) -> f.getFileName().toString()).toList());
	}

	@Test
	void alertsWhenInspectedThenCarrySeverityCategoryAndAnnotations() {
		List<String> problems = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		for (Rule rule : this.files.rules()) {
			if (rule.alert() == null) {
				continue;
			}
			if (!names.add(rule.alert())) {
				problems.add(rule.alert() + ": defined twice");
			}
			if (!Set.of("critical", "warning", "info").contains(rule.labels().get("severity"))) {
				problems.add(rule.alert() + ": severity must be critical, warning or info");
			}
			if (!Set.of("security", "availability", "latency", "meta").contains(rule.labels().get("category"))) {
				problems.add(rule.alert() + ": category must be security, availability, latency or meta");
			}
			for (String annotation : List.of("summary", "description", "runbook_url")) {
				if (rule.annotations().getOrDefault(annotation, "").isBlank()) {
					problems.add(rule.alert() + ": no " + annotation);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void runbookUrlsWhenResolvedThenAreAbsoluteOnTheConfiguredBaseAndPointAtHeadingsOfTheOperationsGuide()
			throws IOException {
		String base = GeneratorSettings.parse(Files.readString(this.files.root().resolve("generator.yml")))
			.runbookBaseUrl();
		assertThat(base).startsWith("https://").endsWith("/docs/operations.md");
		Set<String> anchors = new TreeSet<>();
		Matcher headings = HEADING.matcher(Files.readString(this.files.operationsGuide()));
		while (headings.find()) {
			anchors.add(slug(headings.group(1)));
		}
		List<String> broken = new ArrayList<>();
		for (Rule rule : this.files.rules()) {
			String url = rule.annotations().get("runbook_url");
			if (url == null) {
				continue;
			}
			int hash = url.indexOf('#');
			if (hash < 0 || !url.substring(0, hash).equals(base)
					|| !anchors.contains(url.substring(hash + 1))) {
				broken.add(rule.alert() + " -> " + url);
			}
		}
		assertThat(broken).withFailMessage("runbook_url not on %s or without a matching heading in docs/operations.md: %s", base,
				broken)
			.isEmpty();
	}

	@Test
	void recordingRulesWhenNamedThenFollowLevelMetricOperations() {
		assertThat(this.files.recordedNames()).allSatisfy((name) -> assertThat(name).matches(RECORDING_RULE_NAME));
	}

	@Test
	void rulesWhenForDurationIsLongThenIsMinutesNotHours() {
		// The spike alerts must react within minutes; long for: durations belong to
		// posture alerts only, and none may exceed 30 minutes.
		for (Rule rule : this.files.rules()) {
			if (rule.forDuration() != null) {
				assertThat(rule.forDuration()).as(rule.alert()).matches("([0-9]+s|[1-9]m|[12][0-9]m|30m)");
			}
		}
	}

	private Map<String, Set<String>> alertTestCases() {
		Map<String, Set<String>> cases = new HashMap<>();
		for (Path file : this.files.ruleTestFiles()) {
			for (Map<String, Object> test : tests(file)) {
				for (Map<String, Object> alertTest : list(test.get("alert_rule_test"))) {
					String kind = list(alertTest.get("exp_alerts")).isEmpty() ? "quiet" : "firing";
					cases.computeIfAbsent(String.valueOf(alertTest.get("alertname")), (k) -> new TreeSet<>()).add(kind);
				}
			}
		}
		return cases;
	}

	private static List<Map<String, Object>> tests(Path file) {
		return list(MonitoringFiles.yaml(file).get("tests"));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (value != null) ? (List<Map<String, Object>>) value : List.of();
	}

	// GitHub's heading anchors: lower case, punctuation removed, spaces to hyphens.
	private static String slug(String heading) {
		return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
	}

}
