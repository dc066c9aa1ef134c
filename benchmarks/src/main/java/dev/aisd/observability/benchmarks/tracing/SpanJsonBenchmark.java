package dev.aisd.observability.benchmarks.tracing;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.tracing.internal.SpanJsonWriter;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of answering {@code GET /observability/traces?limit=512}: the snapshot of a full
 * 512-span buffer and its JSON. Budget: at most 1 ms. {@code serialize512HandWritten} is
 * the baseline: the hand-written writer the starter used before it wrote the document with
 * Jackson's streaming generator.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpanJsonBenchmark {

	private final SpanRingBuffer buffer = new SpanRingBuffer(512);

	private List<SpanRecord> spans;

	@Setup
	public void fill() {
		this.spans = BenchmarkSpans.fill(this.buffer);
	}

	@Benchmark
	public byte[] serialize512() {
		return SpanJsonWriter.traces(this.spans);
	}

	@Benchmark
	public byte[] serialize512HandWritten() {
		return HandWrittenSpanJson.traces(this.spans);
	}

	@Benchmark
	public byte[] snapshotAndSerialize512() {
		return SpanJsonWriter.traces(this.buffer.snapshot(512, (span) -> true));
	}

}
