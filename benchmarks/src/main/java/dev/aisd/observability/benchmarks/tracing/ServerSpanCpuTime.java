package dev.aisd.observability.benchmarks.tracing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time (not wall time) per server span of {@link ServerSpanBenchmark}, for machines
 * too busy for JMH's wall-clock averages to mean much; every combination of incoming
 * header and baggage in turn, several rounds. Usage:
 * {@code java -cp benchmarks.jar dev.aisd.observability.benchmarks.tracing.ServerSpanCpuTime [spans per round] [rounds]}.
 */
public final class ServerSpanCpuTime {

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private ServerSpanCpuTime() {
	}

	public static void main(String[] args) {
		int spans = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		String[] headers = { "traceparent", "none" };
		boolean[] baggages = { true, false };
		ServerSpanBenchmark[] benchmarks = new ServerSpanBenchmark[headers.length * baggages.length];
		int n = 0;
		for (String header : headers) {
			for (boolean baggage : baggages) {
				ServerSpanBenchmark benchmark = new ServerSpanBenchmark();
				benchmark.header = header;
				benchmark.baggage = baggage;
				benchmark.traces = true;
				benchmark.setUp();
				benchmarks[n++] = benchmark;
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
				long cpu = threads.getCurrentThreadCpuTime();
				for (int i = 0; i < spans; i++) {
					sink += benchmark.serverSpan().length();
				}
				cpu = threads.getCurrentThreadCpuTime() - cpu;
				System.out.printf("round %d header=%s baggage=%s: %.0f ns CPU per span%n", round, benchmark.header,
						benchmark.baggage, (double) cpu / spans);
			}
		}
		for (ServerSpanBenchmark benchmark : benchmarks) {
			if (benchmark.recorded() == 0) {
				throw new IllegalStateException("No span reached the ring buffer");
			}
			benchmark.tearDown();
		}
		System.out.println("(checksum " + sink + ")");
	}

}
