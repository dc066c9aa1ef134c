package dev.aisd.observability.tracing.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SpanProcessorMeterProvider} with the SDK's real
 * {@link BatchSpanProcessor}.
 */
class SpanProcessorMeterProviderTests {

	@Test
	void batchProcessorWhenExporterHangsAndQueueFullThenDropsCountedAndQueueShown() {
		SpanExportMetrics metrics = new SpanExportMetrics();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		metrics.bindTo(registry);
		HangingExporter exporter = new HangingExporter();
		BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
			.setMaxQueueSize(16)
			.setMaxExportBatchSize(4)
			.setScheduleDelay(Duration.ofMillis(1))
			.setExporterTimeout(Duration.ofSeconds(30))
			.setMeterProvider(new SpanProcessorMeterProvider(metrics))
			.build();
		SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
		try {
			Tracer tracer = provider.get("test");
			tracer.spanBuilder("first").startSpan().end();
			// The worker is now stuck in the first export: the queue can only fill up.
			await().atMost(Duration.ofSeconds(10)).until(() -> exporter.calls.getCount() == 0);
			for (int i = 0; i < 100; i++) {
				tracer.spanBuilder("burst").startSpan().end();
			}
			assertThat(metrics.dropped()).isEqualTo(100 - 16);
			assertThat(registry.get(SpanExportMetrics.EXPORT_DROPPED).functionCounter().count()).isEqualTo(84.0);
			assertThat(registry.get(SpanExportMetrics.EXPORT_QUEUE_SIZE).gauge().value()).isEqualTo(16.0);
			assertThat(metrics.failed()).isZero();
		}
		finally {
			exporter.release.countDown();
			provider.shutdown();
		}
	}

	@Test
	void batchProcessorWhenQueueKeepsUpThenNothingDropped() {
		SpanExportMetrics metrics = new SpanExportMetrics();
		BatchSpanProcessor processor = BatchSpanProcessor.builder(new HangingExporter().released())
			.setMeterProvider(new SpanProcessorMeterProvider(metrics))
			.build();
		SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
		try {
			for (int i = 0; i < 100; i++) {
				provider.get("test").spanBuilder("ordinary").startSpan().end();
			}
			assertThat(processor.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS).isSuccess()).isTrue();
			assertThat(metrics.dropped()).isZero();
			assertThat(metrics.queued()).isZero();
		}
		finally {
			provider.shutdown();
		}
	}

	@Test
	void semanticConventionCounterWhenErrorTypeThenCountedAsDropped() {
		SpanExportMetrics metrics = new SpanExportMetrics();
		Meter meter = new SpanProcessorMeterProvider(metrics).get("io.opentelemetry.sdk.trace");
		var counter = meter.counterBuilder("otel.sdk.processor.span.processed").build();
		counter.add(5, Attributes.of(AttributeKey.stringKey("error.type"), "queue_full"));
		counter.add(7, Attributes.empty());
		assertThat(metrics.dropped()).isEqualTo(5);
	}

	@Test
	void otherScopesAndInstrumentsWhenUsedThenNoOp() {
		SpanExportMetrics metrics = new SpanExportMetrics();
		SpanProcessorMeterProvider provider = new SpanProcessorMeterProvider(metrics);
		provider.get("io.opentelemetry.exporters.zipkin")
			.counterBuilder("processedSpans")
			.build()
			.add(3, Attributes.of(AttributeKey.booleanKey("dropped"), true));
		provider.get("io.opentelemetry.sdk.trace")
			.counterBuilder("something.else")
			.build()
			.add(3, Attributes.of(AttributeKey.booleanKey("dropped"), true));
		provider.get("io.opentelemetry.sdk.trace").histogramBuilder("latency").build().record(1.0);
		assertThat(metrics.dropped()).isZero();
	}

	/** An exporter whose exports never complete until released, like a hung collector. */
	static final class HangingExporter implements SpanExporter {

		final CountDownLatch calls = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		HangingExporter released() {
			this.release.countDown();
			return this;
		}

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			this.calls.countDown();
			if (this.release.getCount() == 0) {
				return CompletableResultCode.ofSuccess();
			}
			CompletableResultCode result = new CompletableResultCode();
			Thread waiter = new Thread(() -> {
				try {
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				result.succeed();
			});
			waiter.setDaemon(true);
			waiter.start();
			return result;
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			this.release.countDown();
			return CompletableResultCode.ofSuccess();
		}

	}

}
