package dev.aisd.observability.logging.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds {@code observability_log_events_dropped_total}: the log events the asynchronous
 * console appender dropped because its ring buffer stayed full. Not API: may change
 * without notice.
 */
public final class LogEventsDroppedMetrics implements MeterBinder {

	/** Micrometer name of the counter. */
	public static final String METER_NAME = "observability.log.events.dropped";

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(METER_NAME, AsyncConsoleAppender.class, (type) -> AsyncConsoleAppender.droppedEvents())
			.description("Log events dropped by the asynchronous console appender because its queue stayed full")
			.baseUnit("events")
			.register(registry);
	}

}
