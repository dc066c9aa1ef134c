package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.aisd.observability.monitoring.MetricReferences;
import dev.aisd.observability.monitoring.MonitoringFiles;
import dev.aisd.observability.monitoring.MonitoringFiles.DashboardQuery;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring files proven end to end: the sample service with its traffic generator,
 * a real Prometheus running {@code monitoring/prometheus.yml} and every rule file, and a
 * real Alertmanager running {@code monitoring/alertmanager.yml}.
 * <p>
 * Only what cannot be the same in a test is rewritten: scrape targets (the random port
 * of the service), the Alertmanager address, the scrape and evaluation intervals (1 s
 * instead of 15 s), and the {@code for:} duration of the three spike alerts (5 s instead
 * of 2 minutes, see {@link #SPIKE_ALERTS}) so the induced spike fires within the test;
 * Prometheus re-sends firing alerts every second instead of every minute.
 * Rule expressions are used exactly as shipped.
 * <p>
 * Traffic: the sample's own generator ({@code sample.traffic.enabled},
 * {@code sample.traffic.attack-spike}) and, so that the test does not depend on it, the
 * test sends normal and hostile requests itself (failed logins, SQL injection, honeypot
 * paths, bot user agents, bursts past the rate limit, an intrusion probe, a card number in
 * a URL, a bulk export, a forged CAPTCHA token) and probes {@code /health} like a
 * readiness probe. One {@code System.gc()} gives the GC panels a pause to show.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.traffic.enabled=true", "sample.traffic.attack-spike=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

	/**
	 * Alerts whose {@code for:} this test shortens to 5 s; any of them firing proves the
	 * spike reached an alert.
	 */
	static final Set<String> SPIKE_ALERTS = Set.of("SecurityAttackRateSpike", "SecurityAuthFailureSpike",
			"SecurityRateLimitViolationSpike");

	private static final Duration DATA_TIMEOUT = Duration.ofSeconds(60);

	private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$",
			Pattern.DOTALL);

	private final MonitoringFiles files = MonitoringFiles.locate();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final AtomicLong requestsSent = new AtomicLong();

	@LocalServerPort
	private int port;

	private AlertmanagerServer alertmanager;

	private PrometheusServer prometheus;

	private ScheduledExecutorService backgroundTraffic;

	@BeforeAll
	void startMonitoring() throws IOException {
		this.alertmanager = AlertmanagerServer.start(Files.readString(this.files.alertmanagerConfig()));
		List<String> extraFiles = new ArrayList<>();
		int shortened = 0;
		for (Path ruleFile : this.files.ruleFiles()) {
			String rules = shortenSpikeAlerts(Files.readString(ruleFile));
			shortened += rules.split("for: 5s", -1).length - 1;
			extraFiles.add("rules/" + ruleFile.getFileName());
			extraFiles.add(rules);
		}
		assertThat(shortened).as("spike alerts whose for: was shortened").isEqualTo(SPIKE_ALERTS.size());
		// Prometheus re-sends a firing alert only every minute by default; an alert that
		// fired before the notifier discovered Alertmanager (the Watchdog) would be missing.
		this.prometheus = PrometheusServer.start(prometheusConfig(), List.of("--rules.alert.resend-delay=1s"),
				extraFiles.toArray(String[]::new));
		this.backgroundTraffic = Executors.newSingleThreadScheduledExecutor();
		this.backgroundTraffic.scheduleAtFixedRate(this::sendMixedTraffic, 0, 250, TimeUnit.MILLISECONDS);
		// Young collections may not happen in a short test; one explicit collection gives
		// jvm_gc_pause_seconds a sample.
		System.gc();
	}

	@AfterAll
	void stopMonitoring() {
		if (this.backgroundTraffic != null) {
			this.backgroundTraffic.shutdownNow();
		}
		if (this.prometheus != null) {
			this.prometheus.close();
		}
		if (this.alertmanager != null) {
			this.alertmanager.close();
		}
	}

	@Test
	@Order(1)
	void targetsWhenScrapedThenTheServiceIsUpOnceInOneJob() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode up = this.prometheus.query("up == 1");
			List<String> jobs = new ArrayList<>();
			up.forEach((series) -> jobs.add(series.path("metric").path("job").asString()));
			// One series per target: a second job on the same target would double every sum.
			assertThat(jobs).as("jobs with up == 1; targets: %s", scrapeErrors()).containsExactly("services");
		});
	}

	@Test
	@Order(2)
	void dashboardQueriesAndRecordingRulesWhenTrafficFlowsThenAllReturnData() {
		Map<String, String> queries = queriesThatMustReturnData();
		Map<String, String> empty = new TreeMap<>(queries);
		try {
			await().atMost(DATA_TIMEOUT).pollInterval(Duration.ofSeconds(2)).until(() -> {
				empty.keySet().removeIf((location) -> hasData(queries.get(location)));
				return empty.isEmpty();
			});
		}
		catch (ConditionTimeoutException ex) {
			// reported below with every query that stayed empty
		}
		StringBuilder report = new StringBuilder();
		empty.forEach((location, query) -> report.append("  ").append(location).append(": ").append(query)
			.append('\n'));
		assertThat(empty).withFailMessage("%d of %d queries returned no data after %s (%d requests sent):%n%s",
				empty.size(), queries.size(), DATA_TIMEOUT, this.requestsSent.get(), report)
			.isEmpty();
	}

	@Test
	@Order(3)
	void exposedMetricsWhenScrapedThenHoldEveryNameTheAllowListAndTheFilesRead() {
		Set<String> scraped = new TreeSet<>();
		this.prometheus.get("/api/v1/label/__name__/values").path("data").forEach((n) -> scraped.add(n.asString()));
		Set<String> missing = new TreeSet<>(this.files.exposedMetricNames());
		missing.removeAll(scraped);
		assertThat(missing)
			.withFailMessage("exposed-metrics.txt lists names that a real scrape of the sample service lacks "
					+ "(renamed or never recorded?): %s", missing)
			.isEmpty();
		Map<String, Set<String>> unknown = MetricReferences.unknown(MetricReferences.of(this.files), scraped,
				this.files.recordedNames());
		assertThat(unknown).withFailMessage("Metrics read by rules or dashboards that Prometheus never saw:%n%s",
				MetricReferences.describe(unknown)).isEmpty();
	}

	@Test
	@Order(4)
	void securityAlertWhenAttackSpikeThenFiresAndReachesAlertmanager() throws Exception {
		Set<String> firingBefore = firingAlerts();
		// The sample's own switch, when it exists; the requests below do not depend on it.
		send("POST", "/api/traffic/attack-spike?seconds=60", "Mozilla/5.0", "127.0.0.1", null);
		ExecutorService attackers = Executors.newFixedThreadPool(8);
		try {
			// Far above the 1/s (300 in 5 minutes) thresholds: SQL injection and password
			// guessing from 250 addresses (few enough requests each to pass the rate limit),
			// and one address hammering past its rate limit.
			for (int i = 0; i < 1200; i++) {
				int n = i;
				String attacker = "192.0.2." + (1 + n % 250);
				attackers.execute(() -> {
					send("GET", "/api/search?q=" + encode("1' OR '1'='1 -- " + n), "Mozilla/5.0", attacker, null);
					send("POST", "/api/login", "Mozilla/5.0", attacker,
							"{\"username\":\"admin\",\"password\":\"guess" + n + "\"}");
					send("GET", "/api/items", "Mozilla/5.0", "192.0.2.251", null);
				});
			}
		}
		finally {
			attackers.shutdown();
			attackers.awaitTermination(90, TimeUnit.SECONDS);
		}
		await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Set<String> firing = firingAlerts();
			assertThat(firing)
				.withFailMessage("No spike alert firing after the spike; firing before: %s, now: %s, pending/firing: %s",
						firingBefore, firing, this.prometheus.get("/api/v1/alerts").path("data"))
				.containsAnyElementsOf(SPIKE_ALERTS);
		});
		Set<String> spikeAlerts = new TreeSet<>(firingAlerts());
		spikeAlerts.retainAll(SPIKE_ALERTS);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Set<String> received = new TreeSet<>();
			this.alertmanager.alerts().forEach((a) -> received.add(a.path("labels").path("alertname").asString()));
			assertThat(received).withFailMessage("Alertmanager holds %s; expected one of %s and Watchdog; its log:%n%s",
					received, spikeAlerts, this.alertmanager.log())
				.contains("Watchdog")
				.containsAnyElementsOf(spikeAlerts);
		});
	}

	// The scrape error of each target is what explains a target that is down (a parse
	// error of the exposition, a timeout); Prometheus does not log it at level warn.
	private List<String> scrapeErrors() {
		List<String> errors = new ArrayList<>();
		for (JsonNode target : this.prometheus.get("/api/v1/targets").path("data").path("activeTargets")) {
			errors.add(target.path("labels").path("job").asString() + " " + target.path("health").asString() + " "
					+ target.path("lastError").asString());
		}
		return errors;
	}

	private Map<String, String> queriesThatMustReturnData() {
		Map<String, String> queries = new LinkedHashMap<>();
		for (DashboardQuery query : this.files.dashboardQueries()) {
			String promql = query.variable() ? variableAsPromql(query.expr())
					: MonitoringFiles.substituteVariables(query.expr());
			queries.put("panel " + query.location(), promql);
		}
		for (String recorded : this.files.recordedNames()) {
			queries.put("recording rule " + recorded, recorded);
		}
		return queries;
	}

	// label_values(selector, label) lists the label's values on the selector's series.
	private static String variableAsPromql(String variableQuery) {
		Matcher matcher = LABEL_VALUES.matcher(variableQuery.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Unsupported variable query: " + variableQuery);
		}
		return "group by (" + matcher.group(2) + ") (" + MonitoringFiles.substituteVariables(matcher.group(1)) + ")";
	}

	private boolean hasData(String promql) {
		JsonNode body = this.prometheus.get("/api/v1/query?query=" + encode(promql));
		if (!"success".equals(body.path("status").asString())) {
			throw new IllegalStateException("Query failed: " + promql + ": " + body);
		}
		return !body.path("data").path("result").isEmpty();
	}

	private Set<String> firingAlerts() {
		Set<String> firing = new TreeSet<>();
		for (JsonNode alert : this.prometheus.get("/api/v1/alerts").path("data").path("alerts")) {
			if ("firing".equals(alert.path("state").asString())) {
				firing.add(alert.path("labels").path("alertname").asString());
			}
		}
		return firing;
	}

	private String prometheusConfig() throws IOException {
		String config = Files.readString(this.files.prometheusConfig());
		Map<String, String> rewrites = new LinkedHashMap<>();
		rewrites.put("scrape_interval: 15s", "scrape_interval: 1s");
		rewrites.put("scrape_timeout: 10s", "scrape_timeout: 1s");
		rewrites.put("evaluation_interval: 15s", "evaluation_interval: 1s");
		rewrites.put("localhost:8080", "127.0.0.1:" + this.port);
		rewrites.put("localhost:9093", this.alertmanager.address());
		for (Map.Entry<String, String> rewrite : rewrites.entrySet()) {
			// Fail loudly when prometheus.yml changes shape, rather than testing a config
			// that no longer points at the service.
			assertThat(config).as("prometheus.yml").contains(rewrite.getKey());
			config = config.replace(rewrite.getKey(), rewrite.getValue());
		}
		return config;
	}

	static String shortenSpikeAlerts(String ruleFile) {
		return RuleOverrides.shortenFor(ruleFile, SPIKE_ALERTS, "5s");
	}

	private void sendMixedTraffic() {
		try {
			// Normal clients rotate over many addresses (the sample trusts X-Forwarded-For
			// from loopback) so the per-client rate limit does not turn them into 429s.
			long n = this.requestsSent.get();
			String client = "198.51.100." + (1 + n % 250);
			send("GET", "/api/items", "Mozilla/5.0", client, null);
			send("GET", "/api/items/1", "Mozilla/5.0", client, null);
			send("GET", "/api/items/404", "Mozilla/5.0", client, null);
			send("GET", "/no/such/route/" + n, "Mozilla/5.0", client, null);
			send("GET", "/api/search?q=lantern", "Mozilla/5.0", client, null);
			send("GET", "/api/search?q=" + encode("x' UNION SELECT password FROM users --"), "Mozilla/5.0", client,
					null);
			send("POST", "/api/login", "Mozilla/5.0", client, "{\"username\":\"admin\",\"password\":\"wrong\"}");
			send("GET", "/api/items", "python-requests/2.31 (scraper bot)", client, null);
			// What a readiness probe does: health checks run when probed (or on their own
			// schedule), and health_check_status shows the latest run.
			send("GET", "/health", "kube-probe/1.30", "10.0.0.1", null);
			// A honeypot blocks its visitor: scanners get addresses of their own.
			String scanner = "203.0.113." + (1 + n % 250);
			send("GET", "/wp-admin", "Mozilla/5.0", scanner, null);
			send("GET", "/.env", "curl/8.0", scanner, null);
			// What the edge inspects: an intrusion probe, payment data in a URL, a bulk
			// export, a forged CAPTCHA token. The prober is not a honeypot visitor, which
			// would be blocked before any inspection.
			String prober = "198.18.0." + (1 + n % 250);
			send("GET", "/api/items?file=" + encode("../../etc/passwd"), "Mozilla/5.0", prober, null);
			send("GET", "/api/search?q=4111111111111111", "Mozilla/5.0", client, null);
			send("GET", "/api/items/export?limit=100000", "python-requests/2.31", prober, null);
			send("POST", "/api/captcha/verify", "Mozilla/5.0", client, "{\"token\":\"forged\",\"answer\":\"7\"}");
			// One client over its rate limit.
			for (int i = 0; i < 3; i++) {
				send("GET", "/api/items", "Mozilla/5.0", "192.0.2.250", null);
			}
		}
		catch (RuntimeException ex) {
			// Keep the schedule alive: one failed request must not stop the traffic.
		}
	}

	private void send(String method, String path, String userAgent, String client, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(5))
			.header("User-Agent", userAgent)
			.header("X-Forwarded-For", client);
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			this.requestsSent.incrementAndGet();
		}
		catch (IOException ex) {
			// The service may reject hostile requests by closing the connection.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
