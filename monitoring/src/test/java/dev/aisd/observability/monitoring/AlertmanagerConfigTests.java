package dev.aisd.observability.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.test.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code alertmanager.yml} is valid for amtool and routes by severity and category.
 */
class AlertmanagerConfigTests {

	private final MonitoringFiles files = MonitoringFiles.locate();

	@Test
	void checkConfigWhenShippedConfigThenAmtoolAcceptsIt() {
		ExternalTool.Result result = ExternalTool.run(this.files.root(), Duration.ofMinutes(1),
				List.of("amtool", "check-config", "alertmanager.yml"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isZero();
	}

	@Test
	void checkConfigWhenRouteNamesAnUnknownReceiverThenAmtoolRejectsIt(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("alertmanager.yml"),
				"route:\n  receiver: nowhere\nreceivers:\n  - name: chat\n");
		ExternalTool.Result result = ExternalTool.run(dir, Duration.ofMinutes(1),
				List.of("amtool", "check-config", "alertmanager.yml"));
		assertThat(result.exitCode()).withFailMessage(result::describe).isNotZero();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			alertname=Watchdog severity=info category=meta                          | heartbeat
			alertname=SecurityIntrusionAttempts severity=critical category=security | security-chat,pager
			alertname=TargetDown severity=critical category=availability            | pager
			alertname=HttpLatencySloFastBurn severity=critical category=latency     | pager
			alertname=SecurityAttackRateSpike severity=warning category=security    | security-chat
			alertname=HttpLatencySloSlowBurn severity=warning category=latency      | chat
			alertname=HttpAvailabilitySloFastBurn severity=critical category=availability | pager
			alertname=MetricLabelValuesFolded severity=info category=meta           | chat
			alertname=Unlabelled                                                    | chat
			""")
	void routesWhenAlertHasLabelsThenReachesTheReceiversOfItsSeverityAndCategory(String labels, String receivers) {
		List<String> command = new ArrayList<>(
				List.of("amtool", "config", "routes", "test", "--config.file=alertmanager.yml"));
		command.addAll(List.of(labels.split(" ")));
		ExternalTool.Result result = ExternalTool.run(this.files.root(), Duration.ofMinutes(1), command);
		assertThat(result.exitCode()).withFailMessage(result::describe).isZero();
		assertThat(result.output().lines().filter((line) -> !line.startsWith("Warning:")).toList())
			.containsExactly(receivers);
	}

	@Test
	@SuppressWarnings("unchecked")
	void inhibitRulesWhenParsedThenCriticalInhibitsWarningOfTheSameAlertAndService() {
		Map<String, Object> config = MonitoringFiles.yaml(this.files.alertmanagerConfig());
		assertThat((List<Map<String, Object>>) config.get("inhibit_rules")).anySatisfy((rule) -> {
			assertThat(rule.get("source_matchers")).isEqualTo(List.of("severity=\"critical\""));
			assertThat(rule.get("target_matchers").toString()).contains("warning");
			assertThat(rule.get("equal")).isEqualTo(List.of("alertname", "service"));
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void receiversWhenParsedThenArePlaceholderWebhooksOnLoopback() {
		Map<String, Object> config = MonitoringFiles.yaml(this.files.alertmanagerConfig());
		assertThat((List<Map<String, Object>>) config.get("receivers")).extracting((r) -> r.get("name"))
			.containsExactlyInAnyOrder("pager", "chat", "security-chat", "heartbeat");
		assertThat((List<Map<String, Object>>) config.get("receivers")).allSatisfy((receiver) -> assertThat(
				receiver.get("webhook_configs").toString())
			.contains("url=http://127.0.0.1:"));
	}

}
