package dev.aisd.observability.sample.security;

import java.time.Duration;

import dev.aisd.observability.security.SecurityMetricsCollector;
import dev.aisd.observability.test.Exposition;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityPostureTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final SecurityPosture posture = posture(this.registry);

	@Test
	void escalateWhenThreatLevelRisesThenOneEscalationPerNewLevel() {
		this.posture.escalate(1);
		this.posture.escalate(2);
		assertThat(escalations()).isZero();
		this.posture.escalate(3);
		this.posture.escalate(3);
		assertThat(escalations("severity", "high", "escalation_level", "tier2")).isEqualTo(1);
		this.posture.escalate(4);
		assertThat(escalations("severity", "high", "escalation_level", "tier2")).isEqualTo(2);
		this.posture.escalate(5);
		this.posture.escalate(5);
		this.posture.escalate(4);
		assertThat(escalations("severity", "critical", "escalation_level", "tier3")).isEqualTo(1);
		assertThat(escalations()).isEqualTo(3);
	}

	@Test
	void escalateWhenLevelFellBelowAndRisesAgainThenNewIncident() {
		this.posture.escalate(5);
		this.posture.escalate(2);
		this.posture.escalate(5);
		assertThat(escalations("severity", "critical", "escalation_level", "tier3")).isEqualTo(2);
	}

	@Test
	void escalateWhenLevelOutOfRangeThenHandled() {
		this.posture.escalate(-3);
		assertThat(escalations()).isZero();
		this.posture.escalate(99);
		assertThat(escalations("severity", "critical")).isEqualTo(1);
	}

	private double escalations(String... labels) {
		return Exposition.parse(this.registry.scrape()).value("security_incident_escalations_total", labels);
	}

	private static SecurityPosture posture(PrometheusMeterRegistry registry) {
		SampleSecurityProperties properties = new SampleSecurityProperties(20, 10, 100, Duration.ofMinutes(5),
				Duration.ofSeconds(15), "demo-password", null, null, true, Duration.ofSeconds(10), 30, 10, 15, 100,
				Duration.ofMinutes(2), 3);
		SecurityMetricsCollector collector = new SecurityMetricsCollector(registry);
		RecentAttacks recentAttacks = new RecentAttacks(System::nanoTime);
		EdgeGuard edgeGuard = new EdgeGuard(collector,
				new BlockedClients(properties.blockDuration(), properties.maxTrackedClients(), System::nanoTime),
				new ClientRateLimiter(20, 10, 100, System::nanoTime), recentAttacks, properties.blockDuration(), true);
		// Not started: its periodic refresh would escalate on its own.
		return new SecurityPosture(collector, recentAttacks, edgeGuard, properties);
	}

}
