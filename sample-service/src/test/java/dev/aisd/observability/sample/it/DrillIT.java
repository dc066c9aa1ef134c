package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.aisd.observability.monitoring.MonitoringFiles;
import dev.aisd.observability.test.ExternalTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health drill runner ({@code monitoring/drill/drill.py}) run as an operator runs it,
 * against real processes: the sample service ({@code java -jar}, JSON log to a file,
 * every span exported), a real Zipkin, a real Alertmanager with
 * {@code monitoring/alertmanager.yml} and a real Prometheus with every rule file of
 * {@code monitoring/rules}. Only what a test cannot wait for is changed: scrape and
 * evaluation every second and the {@code for:} of {@code HealthCheckCriticalFailing}
 * 2 s instead of 1 minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillIT {

	private static final String ALERT = "HealthCheckCriticalFailing";

	private final MonitoringFiles files = MonitoringFiles.locate();

	private final String operatorPassword = UUID.randomUUID().toString();

	private ZipkinServer zipkin;

	private SampleServiceProcess sample;

	private AlertmanagerServer alertmanager;

	private PrometheusServer prometheus;

	private boolean drillsProtected;

	@BeforeAll
	void start() throws Exception {
		// Zipkin and the sample are the slow starters: start them side by side.
		CompletableFuture<ZipkinServer> zipkinStarted = CompletableFuture.supplyAsync(() -> {
			try {
				return ZipkinServer.start();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		this.alertmanager = AlertmanagerServer.start(Files.readString(this.files.alertmanagerConfig()));
		this.zipkin = zipkinStarted.join();
		this.sample = SampleServiceProcess.start(List.of("--management.tracing.sampling.probability=1.0",
				"--management.tracing.export.zipkin.endpoint=" + this.zipkin.spansEndpoint(),
				"--management.opentelemetry.tracing.export.schedule-delay=200ms",
				"--management.otlp.metrics.export.enabled=false",
				"--sample.security.operator-password=" + this.operatorPassword));
		// A harmless switch (no fault on a check that has none) tells whether the sample
		// protects its drill switches.
		int unauthenticated = unauthenticatedStatus("/api/drills/health/database?fault=none");
		assertThat(unauthenticated).as("unauthenticated drill switch").isIn(200, 401, 403);
		this.drillsProtected = unauthenticated != 200;
		List<String> ruleFiles = new ArrayList<>();
		for (Path ruleFile : this.files.ruleFiles()) {
			ruleFiles.add("rules/" + ruleFile.getFileName());
			ruleFiles.add(RuleOverrides.shortenFor(Files.readString(ruleFile), Set.of(ALERT), "2s"));
		}
		assertThat(String.join("\n", ruleFiles)).contains("for: 2s");
		this.prometheus = PrometheusServer.start("""
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				  evaluation_interval: 1s
				rule_files:
				  - rules/*.yml
				alerting:
				  alertmanagers:
				    - static_configs:
				        - targets: ['%s']
				scrape_configs:
				  - job_name: services
				    static_configs:
				      - targets: ['127.0.0.1:%d']
				""".formatted(this.alertmanager.address(), this.sample.port()), List.of("--rules.alert.resend-delay=1s"),
				ruleFiles.toArray(String[]::new));
	}

	@AfterAll
	void stop() {
		for (LocalServerProcess server : new LocalServerProcess[] { this.prometheus, this.alertmanager, this.sample,
				this.zipkin }) {
			if (server != null) {
				server.close();
			}
		}
	}

	@Test
	@Order(1)
	void drillWhenCriticalDependencyFailsThenAlertFiresAndResolvesAndTelemetryKeepsFlowing() {
		ExternalTool.Result result = drill("--check", "database", "--fault", "error", "--alert", ALERT);
		System.out.println(result.output());
		assertThat(result.exitCode()).withFailMessage(() -> result.describe() + "\nservice log tail:\n" + logTail())
			.isZero();
		assertThat(result.output()).contains("PASS  fault injected", "PASS  alert fired", "PASS  fault cleared",
				"PASS  alert resolved", "PASS  scrapes kept succeeding", "PASS  spans kept arriving",
				"PASS  log lines kept their ids")
			.doesNotContain("FAIL")
			.containsPattern("RESULT: PASS \\(time to detect [0-9.]+ s, time to resolve [0-9.]+ s\\)");
	}

	@Test
	@Order(2)
	void drillWhenTheFaultCannotFireTheExpectedAlertThenFailsAndStillClearsTheFault() {
		// A non-critical check never makes the critical alert fire: the drill must say so.
		ExternalTool.Result result = drill("--check", "cache", "--fault", "error", "--alert", ALERT,
				"--detect-timeout", "8");
		assertThat(result.exitCode()).withFailMessage(result::describe).isEqualTo(1);
		assertThat(result.output()).contains("FAIL  alert fired", "PASS  fault cleared")
			.contains("RESULT: FAIL");
		assertThat(this.sample.get("/health").path("checks").path("cache").path("status").asString()).isEqualTo("ok");
	}

	@Test
	@Order(3)
	void drillWhenThePrometheusHasNoSuchAlertThenDoesNotRun() {
		ExternalTool.Result result = drill("--alert", "NoSuchAlert");
		assertThat(result.exitCode()).withFailMessage(result::describe).isEqualTo(2);
		assertThat(result.output()).contains("DRILL NOT RUN: Prometheus has no alerting rule NoSuchAlert");
	}

	private ExternalTool.Result drill(String... arguments) {
		List<String> command = new ArrayList<>(List.of("python3", "drill/drill.py", "--app", this.sample.baseUrl(),
				"--prometheus", this.prometheus.baseUrl(), "--alertmanager", this.alertmanager.baseUrl(), "--zipkin",
				this.zipkin.baseUrl(), "--log", this.sample.logPath().toString(), "--settle", "3",
				"--detect-timeout", "60", "--resolve-timeout", "60"));
		// Where the drill switches require the operator (HTTP Basic), the drill sends the
		// password the sample was started with; a sample without that protection rejects
		// credentials of a user it does not know, so none are sent then.
		if (this.drillsProtected) {
			command.addAll(List.of("--operator-password", this.operatorPassword));
		}
		command.addAll(List.of(arguments));
		return ExternalTool.run(this.files.root(), Duration.ofMinutes(4), command);
	}

	private int unauthenticatedStatus(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.sample.baseUrl() + path))
				.POST(HttpRequest.BodyPublishers.noBody())
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private String logTail() {
		String log = this.sample.log();
		return log.substring(Math.max(0, log.length() - 4000));
	}

}
