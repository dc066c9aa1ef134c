package dev.aisd.observability.security.internal;

import java.util.HashMap;
import java.util.Map;

import dev.aisd.observability.labels.LabelValueLimiter;
import dev.aisd.observability.security.SecurityMetricFamily;
import dev.aisd.observability.security.SecurityMetricFamily.Kind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The info series {@code security_policy_version_info{policy_type,version} 1}: one series
 * per policy type, replaced when its version changes. Policy types are bounded like any
 * label; a version needs no count bound (one series per type), only the length bound.
 */
public final class PolicyVersions {

	private static final SecurityMetricFamily FAMILY = SecurityMetricFamily.POLICY_VERSION_INFO;

	private final MeterRegistry registry;

	private final LabelValueLimiter policyTypes;

	// Guarded by itself (updates are rare): the info gauge of each policy type's version.
	private final Map<String, Meter> current = new HashMap<>();

	/**
	 * Create the family.
	 * @param registry the registry
	 * @param maxLabelValues distinct policy types before folding into {@code other}
	 */
	public PolicyVersions(MeterRegistry registry, int maxLabelValues) {
		CatalogueMeters.check(FAMILY, Kind.INFO, 2);
		this.registry = registry;
		this.policyTypes = new LabelValueLimiter(registry, FAMILY.prometheusName(), FAMILY.labels().get(0),
				maxLabelValues);
	}

	/**
	 * Make a version the active one of a policy type.
	 * @param policyType the policy type, not {@code null}
	 * @param version the version, not {@code null}
	 */
	public void update(String policyType, String version) {
		String type = this.policyTypes.limit(policyType);
		String bounded = (version.length() > LabelValueLimiter.MAX_VALUE_LENGTH) ? LabelValueLimiter.OTHER : version;
		synchronized (this.current) {
			Meter meter = this.current.get(type);
			if (meter != null) {
				if (bounded.equals(meter.getId().getTag(FAMILY.labels().get(1)))) {
					return;
				}
				this.registry.remove(meter);
			}
			Meter info = Gauge.builder(FAMILY.micrometerName(), () -> 1)
				.description(FAMILY.help())
				.tags(FAMILY.labels().get(0), type, FAMILY.labels().get(1), bounded)
				.register(this.registry);
			this.current.put(type, info);
		}
	}

}
