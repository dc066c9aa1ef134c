package dev.aisd.observability.benchmarks.tracing;

import java.util.concurrent.TimeUnit;

import dev.aisd.observability.tracing.internal.RingBufferSpanProcessor;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRecordFactory;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the ring buffer adds on the thread that ends a span: converting the OpenTelemetry
 * span (redaction, truncation, caps) and recording it, compared with an SDK span that no
 * processor sees.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpanConversionBenchmark {

	private final SpanRecordFactory factory = new SpanRecordFactory("sample-service", 32, 256);

	private SdkTracerProvider bare;

	private SdkTracerProvider recording;

	private Tracer bareTracer;

	private Tracer recordingTracer;

	private SpanData data;

	@Setup
	public void setUp() {
		Capture capture = new Capture();
		SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(capture).build();
		endHttpSpan(provider.get("bench"));
		this.data = capture.data;
		provider.close();
		this.bare = SdkTracerProvider.builder().build();
		this.recording = SdkTracerProvider.builder()
			.addSpanProcessor(new RingBufferSpanProcessor(new SpanRingBuffer(512), this.factory, null))
			.build();
		this.bareTracer = this.bare.get("bench");
		this.recordingTracer = this.recording.get("bench");
	}

	@TearDown
	public void tearDown() {
		this.bare.close();
		this.recording.close();
	}

	@Benchmark
	public SpanRecord convert() {
		return this.factory.create(this.data);
	}

	@Benchmark
	public void spanWithoutBuffer() {
		endHttpSpan(this.bareTracer);
	}

	@Benchmark
	public void spanIntoBuffer() {
		endHttpSpan(this.recordingTracer);
	}

	private static void endHttpSpan(Tracer tracer) {
		Span span = tracer.spanBuilder("http GET /items/{id}").setSpanKind(SpanKind.SERVER).startSpan();
		span.setAttribute("http.request.method", "GET");
		span.setAttribute("url.path", "/items/{id}");
		span.setAttribute("http.response.status_code", "200");
		span.setAttribute("method", "GET");
		span.setAttribute("uri", "/items/{id}");
		span.setAttribute("status", "200");
		span.setAttribute("outcome", "SUCCESS");
		span.setAttribute("exception", "none");
		span.end();
	}

	private static final class Capture implements SpanProcessor {

		private SpanData data;

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			this.data = span.toSpanData();
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
