package dev.aisd.observability.benchmarks.tracing;

import java.lang.management.ManagementFactory;

/**
 * CPU time (not wall time) and bytes allocated by the request thread per server span of
 * {@link ServerSpanBenchmark}, for machines too busy for JMH's wall-clock averages to mean
 * much (JMH's {@code -prof gc} also counts what the span processors' background threads
 * allocate, spread over however few operations a loaded machine completes); every
 * combination of incoming header, baggage and the starter's tracing in turn, several
 * rounds. Usage:
 * {@code java -cp benchmarks.jar dev.aisd.observability.benchmarks.tracing.ServerSpanCpuTime [spans per round] [rounds]}.
 */
public final class ServerSpanCpuTime {

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private ServerSpanCpuTime() {
	}

	public static void main(String[] args) {
		int spans = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		String[] headers = { "traceparent", "none" };
		boolean[] baggages = { true, false };
		boolean[] traces = { true, false };
		ServerSpanBenchmark[] benchmarks = new ServerSpanBenchmark[headers.length * baggages.length * traces.length];
		int n = 0;
		for (boolean tracing : traces) {
			for (String header : headers) {
				for (boolean baggage : baggages) {
					ServerSpanBenchmark benchmark = new ServerSpanBenchmark();
					benchmark.header = header;
					benchmark.baggage = baggage;
					benchmark.traces = tracing;
					benchmark.setUp();
					benchmarks[n++] = benchmark;
				}
			}
		}
		long sink = 0;
		for (ServerSpanBenchmark benchmark : benchmarks) {
			for (int i = 0; i < spans; i++) {
				sink += benchmark.serverSpan().length();
			}
		}
		for (int round = 1; round <= rounds; round++) {
			for (ServerSpanBenchmark benchmark : benchmarks) {
				long allocated = threads.getCurrentThreadAllocatedBytes();
				long cpu = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < spans; i++) {
					sink += benchmark.serverSpan().length();
				}
				cpu = threads.getCurrentThreadCpuTime() - cpu;
				allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
				System.out.printf("round %d traces=%s header=%s baggage=%s: %.0f ns CPU, %.0f B per span%n", round,
						benchmark.traces, benchmark.header, benchmark.baggage, (double) cpu / spans,
						(double) allocated / spans);
			}
		}
		for (ServerSpanBenchmark benchmark : benchmarks) {
			if (benchmark.traces && benchmark.recorded() == 0) {
				throw new IllegalStateException("No span reached the ring buffer");
			}
			benchmark.tearDown();
		}
		System.out.println("(checksum " + sink + ")");
	}

}
