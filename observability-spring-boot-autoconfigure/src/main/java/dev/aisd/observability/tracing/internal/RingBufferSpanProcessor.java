package dev.aisd.observability.tracing.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Records every ended span, sampled for export or not, into the {@link SpanRingBuffer}.
 */
public final class RingBufferSpanProcessor implements SpanProcessor {

	private final SpanRingBuffer buffer;

	private final SpanRecordFactory factory;

	/**
	 * Create a processor.
	 * @param buffer where spans go
	 * @param factory how spans are converted
	 */
	public RingBufferSpanProcessor(SpanRingBuffer buffer, SpanRecordFactory factory) {
		this.buffer = buffer;
		this.factory = factory;
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		this.buffer.record(this.factory.create(span.toSpanData()));
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

}
