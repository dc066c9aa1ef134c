package dev.aisd.observability.tracing.internal;

import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * {@link SpanExporter} decorator that counts the spans its delegate fails to export.
 */
public final class CountingSpanExporter implements SpanExporter {

	private final SpanExporter delegate;

	private final SpanExportMetrics metrics;

	/**
	 * Create a decorator.
	 * @param delegate the exporter that does the work
	 * @param metrics where failures are counted
	 */
	public CountingSpanExporter(SpanExporter delegate, SpanExportMetrics metrics) {
		this.delegate = delegate;
		this.metrics = metrics;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		int count = spans.size();
		CompletableResultCode result;
		try {
			result = this.delegate.export(spans);
		}
		catch (RuntimeException ex) {
			this.metrics.exportFailed(count);
			return CompletableResultCode.ofExceptionalFailure(ex);
		}
		result.whenComplete(() -> {
			if (!result.isSuccess()) {
				this.metrics.exportFailed(count);
			}
		});
		return result;
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	/**
	 * Return the decorated exporter.
	 * @return the delegate
	 */
	public SpanExporter delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "CountingSpanExporter{" + this.delegate + "}";
	}

}
