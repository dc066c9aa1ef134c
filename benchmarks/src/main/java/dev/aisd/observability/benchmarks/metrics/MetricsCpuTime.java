package dev.aisd.observability.benchmarks.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time per recorded request ({@link HttpRequestMetricsBenchmark#onCompleted()} and its
 * floor) and per scrape of {@link ScrapeBenchmark}'s registry, measured with the thread's CPU
 * clock so that the result holds on a machine whose cores are shared with other work (wall
 * clock JMH scores there mostly measure waiting for a core).
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.aisd.observability.benchmarks.metrics.MetricsCpuTime [warm-up scrapes] [measured scrapes]}
 */
public final class MetricsCpuTime {

	private MetricsCpuTime() {
	}

	public static void main(String[] args) {
		int warmup = (args.length > 0) ? Integer.parseInt(args[0]) : 2000;
		int measured = (args.length > 1) ? Integer.parseInt(args[1]) : 500;
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		HttpRequestMetricsBenchmark recording = new HttpRequestMetricsBenchmark();
		recording.setUp();
		for (String variant : new String[] { "onCompleted", "floorCounterAndTimerInFields" }) {
			Runnable call = variant.equals("onCompleted") ? recording::onCompleted
					: recording::floorCounterAndTimerInFields;
			for (int i = 0; i < 20_000_000; i++) {
				call.run();
			}
			int calls = 20_000_000;
			long cpuStart = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < calls; i++) {
				call.run();
			}
			long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
			System.out.printf("%s: %.1f ns CPU per request%n", variant, (double) cpu / calls);
		}
		for (boolean jvmBinders : new boolean[] { true, false }) {
			ScrapeBenchmark benchmark = new ScrapeBenchmark();
			benchmark.jvmBinders = jvmBinders;
			benchmark.setUp();
			for (String format : new String[] { "text", "openmetrics" }) {
				long bytes = 0;
				for (int i = 0; i < warmup; i++) {
					bytes += scrape(benchmark, format).length;
				}
				long cpuStart = threads.getCurrentThreadCpuTime();
				long wallStart = System.nanoTime();
				for (int i = 0; i < measured; i++) {
					bytes += scrape(benchmark, format).length;
				}
				long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
				long wall = System.nanoTime() - wallStart;
				System.out.printf("jvmBinders=%s format=%s: %.3f ms CPU per scrape, %.3f ms wall per scrape (%d bytes total)%n",
						jvmBinders, format, cpu / 1e6 / measured, wall / 1e6 / measured, bytes);
			}
			benchmark.tearDown();
		}
	}

	private static byte[] scrape(ScrapeBenchmark benchmark, String format) {
		return format.equals("text") ? benchmark.scrapePrometheusText() : benchmark.scrapeOpenMetrics();
	}

}
