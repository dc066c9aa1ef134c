package dev.aisd.observability.sample.traffic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.aisd.observability.test.Exposition;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The traffic generator, switched on, fills every family the sample feeds; its attack
 * spike alone (hostile scenarios only) is enough for each hostile family.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.traffic.enabled=true", "sample.traffic.rate=15", "sample.traffic.spike-multiplier=2",
				"sample.security.posture-interval=1s" })
class TrafficGeneratorTests {

	@LocalServerPort
	private int port;

	@Autowired
	private PrometheusMeterRegistry registry;

	@Autowired
	private TrafficGenerator generator;

	@Test
	void generatorWhenEnabledThenGoodAndHostileTrafficReachTheMetrics() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> spike = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/traffic/attack-spike?seconds=600"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(spike.statusCode()).isEqualTo(200);
		assertThat(this.generator.isAttackSpike()).isTrue();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			String text = this.registry.scrape();
			assertThat(Exposition.parse(text).value("security_attacks_blocked_total", "attack_type", "sql_injection"))
				.isPositive();
			assertThat(Exposition.parse(text).value("security_honeypot_hits_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_ip_blocks_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_auth_failures_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_threats_detected_total", "threat_type", "bot")).isPositive();
			assertThat(Exposition.parse(text).value("security_rate_limit_violations_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_suspicious_patterns_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_authz_denials_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_intrusion_attempts_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_data_exfiltration_attempts_total", "detection_method",
					"bulk_export"))
				.isPositive();
			assertThat(Exposition.parse(text).value("security_data_exfiltration_attempts_total", "detection_method",
					"id_enumeration"))
				.isPositive();
			assertThat(Exposition.parse(text).value("security_anomalies_detected_total", "anomaly_type", "request_burst"))
				.isPositive();
			assertThat(Exposition.parse(text).value("security_anomalies_detected_total", "anomaly_type", "error_burst"))
				.isPositive();
			assertThat(Exposition.parse(text).value("security_captcha_successes_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_captcha_failures_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_true_positives_total", "detection_type", "bot")).isPositive();
			assertThat(Exposition.parse(text).value("security_false_positives_total", "detection_type", "bot"))
				.isPositive();
			assertThat(Exposition.parse(text).value("security_compliance_violations_total", "policy_type", "PCI-DSS"))
				.isPositive();
			assertThat(Exposition.parse(text).value("security_incident_escalations_total")).isPositive();
			assertThat(Exposition.parse(text).value("security_risk_score_distribution_count")).isPositive();
		});
		HttpResponse<String> stop = http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/traffic/attack-spike"))
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stop.statusCode()).isEqualTo(200);
		assertThat(this.generator.isAttackSpike()).isFalse();
		long before = this.generator.scenarioCount();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.generator.scenarioCount())
			.isGreaterThan(before + 10));
		assertThat(this.generator.isRunning()).isTrue();
		HttpResponse<String> status = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/traffic")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(status.body()).contains("\"running\":true").contains("\"attack_spike\":false");
	}

}
