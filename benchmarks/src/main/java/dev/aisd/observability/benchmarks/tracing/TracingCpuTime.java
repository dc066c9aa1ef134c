package dev.aisd.observability.benchmarks.tracing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import dev.aisd.observability.tracing.internal.SpanAttributes;
import dev.aisd.observability.tracing.internal.SpanJsonWriter;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import dev.aisd.observability.tracing.internal.TraceRetention;

/**
 * CPU time (not wall time) per operation of the two tracing budgets, for machines too
 * busy for JMH's wall-clock averages to mean much: serializing 512 spans, and recording
 * into the buffer from two threads at once (the striped ring and the single-cursor
 * baseline in alternation, without and with retention). Usage:
 * {@code java -cp benchmarks.jar dev.aisd.observability.benchmarks.tracing.TracingCpuTime}.
 */
public final class TracingCpuTime {

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private TracingCpuTime() {
	}

	public static void main(String[] args) throws Exception {
		List<SpanRecord> spans = spans();
		long bytes = 0;
		for (int i = 0; i < 3_000; i++) {
			bytes += SpanJsonWriter.traces(spans).length;
		}
		int rounds = 2_000;
		long cpu = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < rounds; i++) {
			bytes += SpanJsonWriter.traces(spans).length;
		}
		cpu = threads.getCurrentThreadCpuTime() - cpu;
		System.out.printf("serialize 512 spans: %.1f us CPU per op (%d bytes per document)%n",
				cpu / 1000.0 / rounds, SpanJsonWriter.traces(spans).length);
		for (int i = 0; i < 3_000; i++) {
			bytes += HandWrittenSpanJson.traces(spans).length;
		}
		cpu = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < rounds; i++) {
			bytes += HandWrittenSpanJson.traces(spans).length;
		}
		cpu = threads.getCurrentThreadCpuTime() - cpu;
		System.out.printf("serialize 512 spans, hand-written baseline: %.1f us CPU per op (%d bytes per document)%n",
				cpu / 1000.0 / rounds, HandWrittenSpanJson.traces(spans).length);

		SpanRecord span = spans.get(0);
		SpanRecord child = new SpanRecord(span.traceId(), "c7ad6b7169203332", span.spanId(), "inventory lookup",
				"internal", "ok", "sample-service", span.startEpochNanos(), 130_000L, SpanAttributes.EMPTY);
		SpanRingBuffer buffer = new SpanRingBuffer(512);
		SingleCursorSpanRing singleCursor = new SingleCursorSpanRing(512, null);
		SpanRingBuffer retaining = new SpanRingBuffer(512, retention());
		SingleCursorSpanRing singleCursorRetaining = new SingleCursorSpanRing(512, retention());
		// Striped and single-cursor rings alternate, so both meet the same load.
		for (int pass = 0; pass < 3; pass++) {
			contended("record, 2 threads contending, striped", buffer::record, span);
			contended("record, 2 threads contending, single cursor", singleCursor::record, span);
			contended("record with retention (ordinary root span), 2 threads contending, striped", retaining::record,
					span);
			contended("record with retention (ordinary root span), 2 threads contending, single cursor",
					singleCursorRetaining::record, span);
			contended("record with retention (child span), 2 threads contending, striped", retaining::record, child);
			contended("record with retention (child span), 2 threads contending, single cursor",
					singleCursorRetaining::record, child);
		}
		System.out.println("(checksum " + bytes + ", recorded " + buffer.recorded() + ")");
	}

	private static TraceRetention retention() {
		return new TraceRetention(new TraceRetention.Settings(32, 3, 16, 16, 15 * 60 * 1_000_000_000L));
	}

	private static void contended(String label, Consumer<SpanRecord> recorder, SpanRecord span) throws Exception {
		int operations = 20_000_000;
		long[] cpuPerThread = new long[2];
		long[] wallPerThread = new long[2];
		for (int round = 0; round < 2; round++) {
			CountDownLatch start = new CountDownLatch(1);
			Thread[] writers = new Thread[2];
			for (int t = 0; t < 2; t++) {
				int index = t;
				writers[t] = new Thread(() -> {
					try {
						start.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					long begin = threads.getCurrentThreadCpuTime();
					long wall = System.nanoTime();
					for (int i = 0; i < operations; i++) {
						recorder.accept(span);
					}
					wallPerThread[index] = System.nanoTime() - wall;
					cpuPerThread[index] = threads.getCurrentThreadCpuTime() - begin;
				});
				writers[t].start();
			}
			start.countDown();
			for (Thread writer : writers) {
				writer.join();
			}
		}
		System.out.printf("%s: %.1f ns CPU per op (thread 1), %.1f ns (thread 2); wall %.1f ns, %.1f ns%n", label,
				(double) cpuPerThread[0] / operations, (double) cpuPerThread[1] / operations,
				(double) wallPerThread[0] / operations, (double) wallPerThread[1] / operations);
	}

	private static List<SpanRecord> spans() {
		return BenchmarkSpans.fill(new SpanRingBuffer(BenchmarkSpans.COUNT));
	}

}
