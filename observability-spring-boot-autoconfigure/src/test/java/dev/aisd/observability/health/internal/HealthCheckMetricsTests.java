package dev.aisd.observability.health.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HealthCheckMetricsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final HealthCheckEngine engine = new HealthCheckEngine(
			new HealthCheckEngine.EngineSettings(2, 8, Duration.ofSeconds(2), Duration.ofSeconds(1), 1024), this.clock,
			Function.identity());

	@AfterEach
	void close() {
		this.engine.close();
		this.registry.close();
	}

	@Test
	void scrapeWhenCheckRegisteredBeforeFirstRunThenAllStatusesZero() {
		this.engine.addListener(new HealthCheckMetrics(this.registry));
		this.engine.register("db", HealthCheckResult::healthy);
		assertThat(this.registry.scrape()).contains("health_check_status{check=\"db\",critical=\"true\",status=\"ok\"} 0")
			.contains("health_check_status{check=\"db\",critical=\"true\",status=\"error\"} 0")
			.contains("health_check_duration_seconds{check=\"db\"} NaN");
	}

	@Test
	void scrapeWhenStatusChangesThenOneHotFollowsAndDurationIsSeconds() {
		AtomicReference<HealthCheckResult> next = new AtomicReference<>(HealthCheckResult.healthy());
		this.engine.register(HealthCheckOptions.of("cache").withCritical(false), next::get);
		// Added after registration: the listener learns about existing checks.
		this.engine.addListener(new HealthCheckMetrics(this.registry));
		this.engine.evaluate().join();
		String scrape = this.registry.scrape();
		assertThat(scrape).contains("# TYPE health_check_status gauge")
			.contains("# TYPE health_check_duration_seconds gauge")
			.contains("health_check_status{check=\"cache\",critical=\"false\",status=\"ok\"} 1")
			.contains("health_check_status{check=\"cache\",critical=\"false\",status=\"degraded\"} 0")
			.contains("health_check_status{check=\"cache\",critical=\"false\",status=\"error\"} 0")
			.containsPattern("health_check_duration_seconds\\{check=\"cache\"} [0-9.E-]+\\n");
		next.set(HealthCheckResult.unhealthy("down"));
		this.clock.advance(Duration.ofSeconds(1));
		this.engine.evaluate().join();
		assertThat(this.registry.scrape())
			.contains("health_check_status{check=\"cache\",critical=\"false\",status=\"ok\"} 0")
			.contains("health_check_status{check=\"cache\",critical=\"false\",status=\"error\"} 1");
	}

	@Test
	void scrapeWhenBackgroundCheckThenUpdatedWithoutRequests() {
		this.engine.addListener(new HealthCheckMetrics(this.registry));
		this.engine.register(HealthCheckOptions.of("bg").withInterval(Duration.ofMillis(10)),
				HealthCheckResult::degraded);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.registry.scrape()
				.contains("health_check_status{check=\"bg\",critical=\"true\",status=\"degraded\"} 1"));
	}

	@Test
	void scrapeWhenCheckUnregisteredThenSeriesGone() {
		this.engine.addListener(new HealthCheckMetrics(this.registry));
		this.engine.register("temp", HealthCheckResult::healthy);
		this.engine.evaluate().join();
		this.engine.unregister("temp");
		assertThat(this.registry.scrape()).doesNotContain("check=\"temp\"");
		this.engine.register("temp", HealthCheckResult::healthy);
		assertThat(this.registry.scrape()).contains("health_check_status{check=\"temp\"");
	}

}
