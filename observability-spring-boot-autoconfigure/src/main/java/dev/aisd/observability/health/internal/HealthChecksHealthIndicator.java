package dev.aisd.observability.health.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.aisd.observability.health.HealthStatus;

/**
 * Shows the starter's own checks ({@code @HealthCheck} methods, check functions, checks
 * registered in code) in Spring Boot's {@code /actuator/health}, as one contributor.
 * Spring Boot's own indicators that the engine imported are left out (Boot shows them
 * itself), and the engine never imports this indicator back, so there is no cycle.
 * Status: {@code DOWN} when a critical check is in error, else {@code UP} (a degraded or
 * non-critical failure must not pull the instance out of service, as with
 * {@code /health}); each check is one detail.
 */
public final class HealthChecksHealthIndicator implements HealthIndicator {

	private final HealthCheckEngine engine;

	private final Set<String> importedFromBoot;

	/**
	 * Creates the indicator.
	 * @param engine the engine
	 * @param importedFromBoot names of the checks that are Spring Boot contributors, filled
	 * when they are imported
	 */
	public HealthChecksHealthIndicator(HealthCheckEngine engine, Set<String> importedFromBoot) {
		this.engine = engine;
		this.importedFromBoot = importedFromBoot;
	}

	/**
	 * Returns a set to record the names of imported Spring Boot contributors in.
	 * @return a concurrent set
	 */
	public static Set<String> importedNames() {
		return ConcurrentHashMap.newKeySet();
	}

	@Override
	public Health health() {
		HealthReport report;
		try {
			report = this.engine.evaluate()
				.get(this.engine.getLongestTimeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("error", "interrupted").build();
		}
		catch (ExecutionException | TimeoutException ex) {
			return Health.down().withDetail("error", "health checks did not complete").build();
		}
		boolean down = false;
		Health.Builder health = Health.up();
		for (CheckReport check : report.checks()) {
			if (this.importedFromBoot.contains(check.name())) {
				continue;
			}
			down |= check.critical() && check.status() == HealthStatus.ERROR;
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("status", check.status().value());
			detail.put("critical", check.critical());
			detail.put("duration_ms", check.durationMs());
			if (check.detail() != null && !check.detail().isEmpty()) {
				detail.put("detail", check.detail());
			}
			health.withDetail(check.name(), detail);
		}
		return (down ? health.down() : health).build();
	}

}
