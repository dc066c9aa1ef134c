package dev.aisd.observability.tracing.internal;

import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts spans that could not be exported to the collector, exposed as
 * {@code observability_spans_export_failed_total}.
 */
public final class SpanExportMetrics implements MeterBinder {

	/** Name of the counter of spans that could not be exported. */
	public static final String EXPORT_FAILED = "observability.spans.export.failed";

	private final LongAdder failed = new LongAdder();

	/**
	 * Count spans whose export failed.
	 * @param spans how many spans
	 */
	public void exportFailed(int spans) {
		this.failed.add(spans);
	}

	/**
	 * Return how many spans could not be exported so far.
	 * @return the number of spans
	 */
	public long failed() {
		return this.failed.sum();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(EXPORT_FAILED, this.failed, LongAdder::sum)
			.description("Spans that could not be exported to the trace collector (collector down, timeout, error)")
			.register(registry);
	}

}
