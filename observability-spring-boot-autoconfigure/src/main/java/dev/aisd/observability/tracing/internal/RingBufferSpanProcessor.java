package dev.aisd.observability.tracing.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Records every ended span, sampled for export or not, into the {@link SpanRingBuffer},
 * except the server spans of the traces endpoint itself, so that polling it does not
 * push the spans it is meant to show out of the buffer.
 */
public final class RingBufferSpanProcessor implements SpanProcessor {

	private static final AttributeKey<String> ROUTE = AttributeKey.stringKey(HttpServerSpans.ROUTE);

	private final SpanRingBuffer buffer;

	private final SpanRecordFactory factory;

	private final String tracesPath;

	/**
	 * Create a processor.
	 * @param buffer where spans go
	 * @param factory how spans are converted
	 * @param tracesPath the path of the traces endpoint, whose own server spans are not
	 * recorded, or {@code null}
	 */
	public RingBufferSpanProcessor(SpanRingBuffer buffer, SpanRecordFactory factory, String tracesPath) {
		this.buffer = buffer;
		this.factory = factory;
		this.tracesPath = tracesPath;
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
		// The route is read from the span data the record is made of anyway: asking the
		// live span first would take its lock and look up its attribute map once more.
		SpanData data = span.toSpanData();
		if (this.tracesPath != null && data.getKind() == SpanKind.SERVER
				&& this.tracesPath.equals(data.getAttributes().get(ROUTE))) {
			return;
		}
		this.buffer.record(this.factory.create(data));
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

}
