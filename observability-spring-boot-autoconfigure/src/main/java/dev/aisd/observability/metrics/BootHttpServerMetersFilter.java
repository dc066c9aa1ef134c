package dev.aisd.observability.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Denies Spring Boot's meters of the {@code http.server.requests} observation (the timer
 * and the {@code .active} long task timer), so that a request is recorded as metrics once,
 * by {@link HttpRequestMetrics}.
 */
final class BootHttpServerMetersFilter implements MeterFilter {

	private final String name;

	private final String activeName;

	private BootHttpServerMetersFilter(String name) {
		this.name = name;
		this.activeName = name + ".active";
	}

	static MeterFilter deny(String observationName) {
		return new BootHttpServerMetersFilter(observationName);
	}

	@Override
	public MeterFilterReply accept(Meter.Id id) {
		String meterName = id.getName();
		return (this.name.equals(meterName) || this.activeName.equals(meterName)) ? MeterFilterReply.DENY
				: MeterFilterReply.NEUTRAL;
	}

}
