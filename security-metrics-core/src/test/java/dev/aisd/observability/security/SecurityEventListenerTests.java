package dev.aisd.observability.security;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityEventListenerTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final List<SecurityEvent> events = new ArrayList<>();

	private final SecurityMetricsCollector collector = new SecurityMetricsCollector(this.registry,
			SecurityMetricsOptions.defaults().withEventListener(this.events::add));

	@Test
	void recordWhenEventOperationThenOneVocabularyEventWithTheRecordedLabels() {
		this.collector.recordAuthFailure("basic", "bad_credentials");
		this.collector.recordAuthzDenial("/admin", "GET");
		this.collector.recordRateLimitViolation("/api/items", "per_client");
		this.collector.recordAttackBlocked("sql_injection", "high", 0.9);
		this.collector.recordCaptchaResult("recaptcha", false);
		this.collector.recordPolicyUpdate("waf");
		assertThat(this.events).extracting(SecurityEvent::name)
			.containsExactly("authn_login_fail", "authz_fail", "excess_rate_limit_exceeded", "malicious_attack_blocked",
					"authn_captcha_fail", "sys_policy_update");
		assertThat(this.events.get(0).fields()).containsExactly(java.util.Map.entry("auth_method", "basic"),
				java.util.Map.entry("failure_reason", "bad_credentials"));
		assertThat(this.events.get(0).level()).isEqualTo("WARN");
		assertThat(this.events.get(1).level()).isEqualTo("CRITICAL");
		assertThat(this.events.get(5).level()).isEqualTo("INFO");
		assertThat(this.events.get(1).description()).isEqualTo("Authorization denied: resource=/admin, action=GET");
	}

	@Test
	void recordWhenLabelMissingThenEventCarriesUnknownLikeTheMeter() {
		this.collector.recordSuspiciousPattern(null);
		assertThat(this.events).singleElement()
			.satisfies((event) -> assertThat(event.fields()).containsEntry("pattern_type", "unknown"));
	}

	@Test
	void recordWhenGaugeTimeOrSuccessThenNoEvent() {
		this.collector.updateThreatLevel(3);
		this.collector.recordDetectionTime("signature", 0.2);
		this.collector.recordAuthSuccess("basic");
		this.collector.recordCaptchaResult("recaptcha", true);
		assertThat(this.events).isEmpty();
	}

	@Test
	void recordWhenListenerThrowsThenMetersRecordedAndFailureCounted() {
		SecurityMetricsCollector failing = new SecurityMetricsCollector(this.registry,
				SecurityMetricsOptions.defaults().withEventListener((event) -> {
					throw new IllegalStateException("log pipeline down");
				}));
		failing.recordHoneypotHit("wp_admin");
		assertThat(this.registry.get("security.honeypot.hits").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("security.metrics.rejected.inputs").tags("reason", "listener_failed").counter()
			.count()).isEqualTo(1);
	}

}
