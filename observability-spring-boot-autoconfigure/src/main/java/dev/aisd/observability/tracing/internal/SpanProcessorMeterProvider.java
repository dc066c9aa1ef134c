package dev.aisd.observability.tracing.internal;

import java.util.function.Consumer;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.DoubleCounterBuilder;
import io.opentelemetry.api.metrics.DoubleGaugeBuilder;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.LongGaugeBuilder;
import io.opentelemetry.api.metrics.LongUpDownCounterBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.metrics.ObservableMeasurement;
import io.opentelemetry.context.Context;

/**
 * An OpenTelemetry {@link MeterProvider} that carries what the SDK's
 * {@code BatchSpanProcessor} reports about itself into {@link SpanExportMetrics}: spans
 * dropped because the export queue was full, and the queue's size. Spring Boot hands a
 * {@code MeterProvider} bean to the {@code BatchSpanProcessor} it builds; every other
 * instrument of every other scope is OpenTelemetry's no-op, so this is a bridge for two
 * instruments, not a metrics SDK.
 * <p>
 * Understands the SDK's legacy instruments ({@code processedSpans} with
 * {@code dropped=true}, {@code queueSize}; what SDK 1.55 emits) and the semantic-convention
 * ones of newer SDKs ({@code otel.sdk.processor.span.processed} with an
 * {@code error.type}).
 */
public final class SpanProcessorMeterProvider implements MeterProvider {

	/** Instrumentation scope of the SDK's span processors. */
	static final String SDK_TRACE_SCOPE = "io.opentelemetry.sdk.trace";

	static final String LEGACY_PROCESSED = "processedSpans";

	static final String LEGACY_QUEUE_SIZE = "queueSize";

	static final String PROCESSED = "otel.sdk.processor.span.processed";

	private static final AttributeKey<Boolean> DROPPED = AttributeKey.booleanKey("dropped");

	private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

	private final SpanExportMetrics metrics;

	/**
	 * Create a provider.
	 * @param metrics where drops and the queue size go
	 */
	public SpanProcessorMeterProvider(SpanExportMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public MeterBuilder meterBuilder(String instrumentationScopeName) {
		MeterBuilder noop = MeterProvider.noop().meterBuilder(instrumentationScopeName);
		return SDK_TRACE_SCOPE.equals(instrumentationScopeName) ? new ScopeBuilder(noop) : noop;
	}

	@Override
	public String toString() {
		return "SpanProcessorMeterProvider{" + this.metrics + "}";
	}

	private final class ScopeBuilder implements MeterBuilder {

		private final MeterBuilder noop;

		ScopeBuilder(MeterBuilder noop) {
			this.noop = noop;
		}

		@Override
		public MeterBuilder setSchemaUrl(String schemaUrl) {
			this.noop.setSchemaUrl(schemaUrl);
			return this;
		}

		@Override
		public MeterBuilder setInstrumentationVersion(String instrumentationScopeVersion) {
			this.noop.setInstrumentationVersion(instrumentationScopeVersion);
			return this;
		}

		@Override
		public Meter build() {
			return new ProcessorMeter(this.noop.build());
		}

	}

	private final class ProcessorMeter implements Meter {

		private final Meter noop;

		ProcessorMeter(Meter noop) {
			this.noop = noop;
		}

		@Override
		public LongCounterBuilder counterBuilder(String name) {
			LongCounterBuilder noopBuilder = this.noop.counterBuilder(name);
			if (LEGACY_PROCESSED.equals(name) || PROCESSED.equals(name)) {
				return new ProcessedCounterBuilder(noopBuilder);
			}
			return noopBuilder;
		}

		@Override
		public LongUpDownCounterBuilder upDownCounterBuilder(String name) {
			return this.noop.upDownCounterBuilder(name);
		}

		@Override
		public DoubleHistogramBuilder histogramBuilder(String name) {
			return this.noop.histogramBuilder(name);
		}

		@Override
		public DoubleGaugeBuilder gaugeBuilder(String name) {
			DoubleGaugeBuilder noopBuilder = this.noop.gaugeBuilder(name);
			return LEGACY_QUEUE_SIZE.equals(name) ? new QueueGaugeBuilder(noopBuilder) : noopBuilder;
		}

		@Override
		public BatchCallback batchCallback(Runnable callback, ObservableMeasurement observableMeasurement,
				ObservableMeasurement... additionalMeasurements) {
			return this.noop.batchCallback(callback, observableMeasurement, additionalMeasurements);
		}

	}

	private final class ProcessedCounterBuilder implements LongCounterBuilder {

		private final LongCounterBuilder noop;

		ProcessedCounterBuilder(LongCounterBuilder noop) {
			this.noop = noop;
		}

		@Override
		public LongCounterBuilder setDescription(String description) {
			return this;
		}

		@Override
		public LongCounterBuilder setUnit(String unit) {
			return this;
		}

		@Override
		public DoubleCounterBuilder ofDoubles() {
			return this.noop.ofDoubles();
		}

		@Override
		public LongCounter build() {
			return new ProcessedCounter();
		}

		@Override
		public ObservableLongCounter buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
			return this.noop.buildWithCallback(callback);
		}

	}

	/** Counts the spans a processor reports as dropped; processed spans are not counted. */
	private final class ProcessedCounter implements LongCounter {

		@Override
		public void add(long value) {
		}

		@Override
		public void add(long value, Attributes attributes) {
			if (value > 0 && (Boolean.TRUE.equals(attributes.get(DROPPED)) || attributes.get(ERROR_TYPE) != null)) {
				SpanProcessorMeterProvider.this.metrics.exportDropped(value);
			}
		}

		@Override
		public void add(long value, Attributes attributes, Context context) {
			add(value, attributes);
		}

	}

	private final class QueueGaugeBuilder implements DoubleGaugeBuilder {

		private final DoubleGaugeBuilder noop;

		QueueGaugeBuilder(DoubleGaugeBuilder noop) {
			this.noop = noop;
		}

		@Override
		public DoubleGaugeBuilder setDescription(String description) {
			return this;
		}

		@Override
		public DoubleGaugeBuilder setUnit(String unit) {
			return this;
		}

		@Override
		public LongGaugeBuilder ofLongs() {
			return new QueueLongGaugeBuilder(this.noop.ofLongs());
		}

		@Override
		public io.opentelemetry.api.metrics.ObservableDoubleGauge buildWithCallback(
				Consumer<io.opentelemetry.api.metrics.ObservableDoubleMeasurement> callback) {
			return this.noop.buildWithCallback(callback);
		}

	}

	private final class QueueLongGaugeBuilder implements LongGaugeBuilder {

		private final LongGaugeBuilder noop;

		QueueLongGaugeBuilder(LongGaugeBuilder noop) {
			this.noop = noop;
		}

		@Override
		public LongGaugeBuilder setDescription(String description) {
			return this;
		}

		@Override
		public LongGaugeBuilder setUnit(String unit) {
			return this;
		}

		@Override
		public ObservableLongGauge buildWithCallback(Consumer<ObservableLongMeasurement> callback) {
			Runnable unregister = SpanProcessorMeterProvider.this.metrics.addQueue(callback);
			return new ObservableLongGauge() {

				@Override
				public void close() {
					unregister.run();
				}

			};
		}

	}

}
