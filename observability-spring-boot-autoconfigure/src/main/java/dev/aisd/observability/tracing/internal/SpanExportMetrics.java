package dev.aisd.observability.tracing.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;

/**
 * Counts spans that did not reach the trace collector: those an exporter failed to send,
 * exposed as {@code observability_spans_export_failed_total}, and those the export queue
 * dropped because it was full, {@code observability_spans_export_dropped_total}; and shows
 * how many spans wait in the export queue, {@code observability_spans_export_queue_size}.
 */
public final class SpanExportMetrics implements MeterBinder {

	/** Name of the counter of spans that could not be exported. */
	public static final String EXPORT_FAILED = "observability.spans.export.failed";

	/** Name of the counter of spans dropped because the export queue was full. */
	public static final String EXPORT_DROPPED = "observability.spans.export.dropped";

	/** Name of the gauge of spans waiting in the export queue. */
	public static final String EXPORT_QUEUE_SIZE = "observability.spans.export.queue.size";

	private final LongAdder failed = new LongAdder();

	private final LongAdder dropped = new LongAdder();

	/** Callbacks of the span processors' queue-size instruments. */
	private final List<Consumer<ObservableLongMeasurement>> queues = new CopyOnWriteArrayList<>();

	/**
	 * Count spans whose export failed.
	 * @param spans how many spans
	 */
	public void exportFailed(int spans) {
		this.failed.add(spans);
	}

	/**
	 * Count spans dropped before export because the queue was full.
	 * @param spans how many spans
	 */
	public void exportDropped(long spans) {
		this.dropped.add(spans);
	}

	/**
	 * Return how many spans could not be exported so far.
	 * @return the number of spans
	 */
	public long failed() {
		return this.failed.sum();
	}

	/**
	 * Return how many spans the export queue dropped so far.
	 * @return the number of spans
	 */
	public long dropped() {
		return this.dropped.sum();
	}

	/**
	 * Add a span processor's queue-size callback, which reports the queue size to the
	 * measurement it is given.
	 * @param callback the callback
	 * @return what removes the callback again
	 */
	public Runnable addQueue(Consumer<ObservableLongMeasurement> callback) {
		this.queues.add(callback);
		return () -> this.queues.remove(callback);
	}

	/**
	 * Return how many spans wait in the export queues now.
	 * @return the number of spans
	 */
	public long queued() {
		Sum sum = new Sum();
		for (Consumer<ObservableLongMeasurement> queue : this.queues) {
			queue.accept(sum);
		}
		return sum.total;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(EXPORT_FAILED, this.failed, LongAdder::sum)
			.description("Spans that could not be exported to the trace collector (collector down, timeout, error)")
			.register(registry);
		FunctionCounter.builder(EXPORT_DROPPED, this.dropped, LongAdder::sum)
			.description("Spans dropped before export because the export queue was full (collector slow or down)")
			.register(registry);
		Gauge.builder(EXPORT_QUEUE_SIZE, this, SpanExportMetrics::queued)
			.description("Spans waiting in the export queue")
			.register(registry);
	}

	@Override
	public String toString() {
		return "SpanExportMetrics[failed=" + failed() + ", dropped=" + dropped() + "]";
	}

	/** A measurement that adds up what the callbacks report. */
	private static final class Sum implements ObservableLongMeasurement {

		private long total;

		@Override
		public void record(long value) {
			this.total += value;
		}

		@Override
		public void record(long value, Attributes attributes) {
			this.total += value;
		}

	}

}
