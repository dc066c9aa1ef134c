package dev.aisd.observability.benchmarks.tracing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.aisd.observability.tracing.internal.SpanJsonWriter;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import dev.aisd.observability.tracing.internal.TraceRetention;

/**
 * CPU time (not wall time) per operation of the two tracing budgets, for machines too
 * busy for JMH's wall-clock averages to mean much: serializing 512 spans, and recording
 * into the buffer from two threads at once. Usage:
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
		SpanRingBuffer buffer = new SpanRingBuffer(512);
		contended("record, 2 threads contending", buffer, span);
		SpanRingBuffer retaining = new SpanRingBuffer(512,
				new TraceRetention(new TraceRetention.Settings(32, 3, 16, 16, 15 * 60 * 1_000_000_000L)));
		contended("record with retention (ordinary root span), 2 threads contending", retaining, span);
		System.out.println("(checksum " + bytes + ", recorded " + buffer.recorded() + ")");
	}

	private static void contended(String label, SpanRingBuffer buffer, SpanRecord span) throws Exception {
		int operations = 20_000_000;
		long[] cpuPerThread = new long[2];
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
					for (int i = 0; i < operations; i++) {
						buffer.record(span);
					}
					cpuPerThread[index] = threads.getCurrentThreadCpuTime() - begin;
				});
				writers[t].start();
			}
			start.countDown();
			for (Thread writer : writers) {
				writer.join();
			}
		}
		System.out.printf("%s: %.1f ns CPU per op (thread 1), %.1f ns (thread 2)%n", label,
				(double) cpuPerThread[0] / operations, (double) cpuPerThread[1] / operations);
	}

	private static List<SpanRecord> spans() {
		return BenchmarkSpans.fill(new SpanRingBuffer(BenchmarkSpans.COUNT));
	}

}
