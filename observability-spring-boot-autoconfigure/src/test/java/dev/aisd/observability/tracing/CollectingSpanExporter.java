package dev.aisd.observability.tracing;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Test exporter that keeps what it is given, or fails on demand like a collector that is
 * down.
 */
class CollectingSpanExporter implements SpanExporter {

	private final List<SpanData> spans = new CopyOnWriteArrayList<>();

	private volatile boolean failing;

	@Override
	public CompletableResultCode export(Collection<SpanData> batch) {
		if (this.failing) {
			return CompletableResultCode.ofFailure();
		}
		this.spans.addAll(batch);
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode flush() {
		return CompletableResultCode.ofSuccess();
	}

	@Override
	public CompletableResultCode shutdown() {
		return CompletableResultCode.ofSuccess();
	}

	List<SpanData> spans() {
		return this.spans;
	}

	void failing(boolean failing) {
		this.failing = failing;
	}

}
