package dev.aisd.observability.benchmarks.tracing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.tracing.internal.SpanAttributes;
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
		long start = System.currentTimeMillis() * 1_000_000L;
		for (int i = 0; i < 512; i++) {
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("http.request.method", "GET");
			attributes.put("url.path", "/items/{id}");
			attributes.put("http.response.status_code", 200L);
			attributes.put("method", "GET");
			attributes.put("uri", "/items/{id}");
			attributes.put("status", "200");
			attributes.put("outcome", "SUCCESS");
			attributes.put("exception", "none");
			String traceId = String.format("%032x", 0x0af7651916cd43ddL + i);
			String spanId = String.format("%016x", 0xb7ad6b7169203331L + i);
			this.buffer.record(new SpanRecord(traceId, spanId, (i % 2 == 0) ? null : spanId, "http GET /items/{id}",
					"server", "ok", "sample-service", start + i * 1_000_000L, 2_130_000L + i,
					SpanAttributes.of(attributes)));
		}
		this.spans = this.buffer.snapshot(512, (span) -> true);
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
