package dev.aisd.observability.benchmarks.tracing;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.tracing.internal.SpanAttributes;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import dev.aisd.observability.tracing.internal.TraceRetention;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of recording a finished span into the ring buffer (claim a sequence, publish the
 * slot) with two threads contending on the same buffer and with one, without and with the
 * error/slow trace retention behind it (the default): an ordinary local root span (looked
 * up by route, compared with the route's slow threshold, not kept) and an ordinary child
 * span. Each case runs on the striped {@link SpanRingBuffer} and, as the baseline, on
 * {@link SingleCursorSpanRing} (the ring before striping: one shared cursor). Budget: at
 * most 100 ns/op contended.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpanRingBufferBenchmark {

	private final SpanRingBuffer buffer = new SpanRingBuffer(512);

	private final SpanRecord span = new SpanRecord("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null,
			"http GET /items/{id}", "server", "ok", "sample-service", System.currentTimeMillis() * 1_000_000L,
			2_130_000L, SpanAttributes.of(Map.of("http.request.method", "GET", "url.path", "/items/{id}",
					"http.response.status_code", 200L)));

	private final SpanRingBuffer retaining = new SpanRingBuffer(512, defaultRetention());

	private final SingleCursorSpanRing singleCursor = new SingleCursorSpanRing(512, null);

	private final SingleCursorSpanRing singleCursorRetaining = new SingleCursorSpanRing(512, defaultRetention());

	private final SpanRecord child = new SpanRecord("0af7651916cd43dd8448eb211c80319c", "c7ad6b7169203332",
			"b7ad6b7169203331", "inventory lookup", "internal", "ok", "sample-service",
			System.currentTimeMillis() * 1_000_000L, 130_000L,
			SpanAttributes.of(Map.of("db.system", "postgresql", "db.operation", "SELECT")));

	private static TraceRetention defaultRetention() {
		return new TraceRetention(new TraceRetention.Settings(32, 3, 16, 16, 15 * 60 * 1_000_000_000L));
	}

	@Benchmark
	@Threads(2)
	public void recordContended() {
		this.buffer.record(this.span);
	}

	@Benchmark
	@Threads(1)
	public void recordUncontended() {
		this.buffer.record(this.span);
	}

	@Benchmark
	@Threads(2)
	public void recordRootWithRetentionContended() {
		this.retaining.record(this.span);
	}

	@Benchmark
	@Threads(1)
	public void recordRootWithRetentionUncontended() {
		this.retaining.record(this.span);
	}

	@Benchmark
	@Threads(2)
	public void recordChildWithRetentionContended() {
		this.retaining.record(this.child);
	}

	@Benchmark
	@Threads(1)
	public void recordChildWithRetentionUncontended() {
		this.retaining.record(this.child);
	}

	@Benchmark
	@Threads(2)
	public void singleCursorRecordContended() {
		this.singleCursor.record(this.span);
	}

	@Benchmark
	@Threads(1)
	public void singleCursorRecordUncontended() {
		this.singleCursor.record(this.span);
	}

	@Benchmark
	@Threads(2)
	public void singleCursorRootWithRetentionContended() {
		this.singleCursorRetaining.record(this.span);
	}

	@Benchmark
	@Threads(1)
	public void singleCursorRootWithRetentionUncontended() {
		this.singleCursorRetaining.record(this.span);
	}

	@Benchmark
	@Threads(2)
	public void singleCursorChildWithRetentionContended() {
		this.singleCursorRetaining.record(this.child);
	}

	@Benchmark
	@Threads(1)
	public void singleCursorChildWithRetentionUncontended() {
		this.singleCursorRetaining.record(this.child);
	}

}
