package dev.aisd.observability.health.internal;

import java.util.function.Function;

import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckOverrideProperties;
import dev.aisd.observability.health.HealthProperties;

/**
 * Applies {@code observability.health.checks.<name>.*} to the options a check declares.
 */
public final class PropertyOverrides implements Function<HealthCheckOptions, HealthCheckOptions> {

	private final HealthProperties properties;

	/**
	 * Creates the overrides.
	 * @param properties the health properties
	 */
	public PropertyOverrides(HealthProperties properties) {
		this.properties = properties;
	}

	@Override
	public HealthCheckOptions apply(HealthCheckOptions options) {
		HealthCheckOverrideProperties check = this.properties.getChecks().get(options.getName());
		if (check == null) {
			return options;
		}
		if (Boolean.FALSE.equals(check.getEnabled())) {
			return null;
		}
		HealthCheckOptions result = options;
		if (check.getCritical() != null) {
			result = result.withCritical(check.getCritical());
		}
		if (check.getTimeout() != null) {
			result = result.withTimeout(check.getTimeout());
		}
		if (check.getInterval() != null) {
			// A zero interval in properties switches a background check back to on demand.
			result = result.withInterval(check.getInterval().isZero() ? null : check.getInterval());
		}
		if (check.getFailureThreshold() != null || check.getSuccessThreshold() != null) {
			int failure = (check.getFailureThreshold() != null) ? check.getFailureThreshold()
					: result.getFailureThreshold();
			int success = (check.getSuccessThreshold() != null) ? check.getSuccessThreshold()
					: result.getSuccessThreshold();
			result = result.withThresholds(failure, success);
		}
		return result;
	}

}
