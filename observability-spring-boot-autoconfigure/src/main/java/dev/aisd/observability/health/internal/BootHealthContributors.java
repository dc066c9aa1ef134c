package dev.aisd.observability.health.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributors;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;

import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckResult;
import dev.aisd.observability.health.HealthStatus;

/**
 * Registers Spring Boot's health contributors (db, redis, diskSpace, ...) as checks, by
 * the names Boot gives them; a composite contributor's members become
 * {@code parent/member}. Status mapping: {@code UP} is {@code ok}, {@code DOWN} and
 * {@code OUT_OF_SERVICE} are {@code error}, {@code UNKNOWN} and custom statuses are
 * {@code degraded}.
 */
public final class BootHealthContributors {

	private static final Log logger = LogFactory.getLog(BootHealthContributors.class);

	private final HealthCheckEngine engine;

	private final boolean critical;

	private final Set<String> excluded;

	private final Set<String> imported;

	/**
	 * Creates the adapter.
	 * @param engine where to register
	 * @param critical whether the checks are critical by default
	 * @param excluded names not to register
	 */
	public BootHealthContributors(HealthCheckEngine engine, boolean critical, Collection<String> excluded) {
		this(engine, critical, excluded, new java.util.HashSet<>());
	}

	/**
	 * Creates the adapter.
	 * @param engine where to register
	 * @param critical whether the checks are critical by default
	 * @param excluded names not to register
	 * @param imported where to record the names of the checks registered
	 */
	public BootHealthContributors(HealthCheckEngine engine, boolean critical, Collection<String> excluded,
			Set<String> imported) {
		this.engine = engine;
		this.critical = critical;
		this.excluded = Set.copyOf(excluded);
		this.imported = imported;
	}

	/**
	 * Registers the contributors of Boot's registries; the blocking one first, then the
	 * reactive one, skipping names that already exist.
	 * @param registry the blocking registry, may be {@code null}
	 * @param reactiveRegistry the reactive registry, may be {@code null}
	 */
	public void registerAll(HealthContributorRegistry registry, ReactiveHealthContributorRegistry reactiveRegistry) {
		if (registry != null) {
			for (HealthContributors.Entry entry : registry) {
				register(entry.name(), entry.contributor());
			}
		}
		if (reactiveRegistry != null) {
			for (ReactiveHealthContributors.Entry entry : reactiveRegistry) {
				register(entry.name(), entry.contributor());
			}
		}
	}

	private void register(String name, HealthContributor contributor) {
		if (this.excluded.contains(name)) {
			return;
		}
		if (contributor instanceof CompositeHealthContributor composite) {
			for (HealthContributors.Entry entry : composite) {
				register(name + "/" + entry.name(), entry.contributor());
			}
		}
		else if (contributor instanceof HealthChecksHealthIndicator) {
			// Our own checks, shown to Boot: importing them back would be a cycle.
			return;
		}
		else if (contributor instanceof HealthIndicator indicator) {
			add(name, () -> toResult(indicator.health(true)), indicator);
		}
	}

	private void register(String name, ReactiveHealthContributor contributor) {
		if (this.excluded.contains(name)) {
			return;
		}
		if (contributor instanceof CompositeReactiveHealthContributor composite) {
			for (ReactiveHealthContributors.Entry entry : composite) {
				register(name + "/" + entry.name(), entry.contributor());
			}
		}
		else if (contributor instanceof ReactiveHealthIndicator indicator) {
			add(name, () -> toResult(ReactorResults.health(indicator)), indicator);
		}
	}

	private void add(String name, CheckInvoker invoker, Object indicator) {
		if (this.engine.getSettings(name) != null) {
			logger.info("Spring Boot health contributor '" + name + "' not shown: a health check has that name");
			return;
		}
		this.imported.add(name);
		this.engine.register(HealthCheckOptions.of(name).withCritical(this.critical), invoker,
				"Spring Boot health contributor '" + name + "' (" + indicator.getClass().getName() + ")");
	}

	/**
	 * Maps a Spring Boot {@link Health} to a result.
	 * @param health the health, may be {@code null}
	 * @return the result
	 */
	public static HealthCheckResult toResult(Health health) {
		if (health == null) {
			return null;
		}
		Status status = health.getStatus();
		HealthStatus mapped;
		if (Status.UP.equals(status)) {
			mapped = HealthStatus.OK;
		}
		else if (Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status)) {
			mapped = HealthStatus.ERROR;
		}
		else {
			mapped = HealthStatus.DEGRADED;
		}
		Map<String, Object> detail = new LinkedHashMap<>(health.getDetails());
		if (mapped != HealthStatus.OK) {
			detail.put("boot_status", status.getCode());
		}
		return new HealthCheckResult(mapped, detail);
	}

}
