package dev.aisd.observability.benchmarks.logging;

import java.io.FileNotFoundException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.sun.management.OperatingSystemMXBean;
import dev.aisd.observability.logging.HandledRequestLogger;
import dev.aisd.observability.web.CompletedRequest;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * CPU cost of one log line, measured as CPU time rather than wall time so that other
 * processes competing for the same cores do not inflate it: the logging thread's own CPU
 * time, and the whole process's (which also counts an async appender's worker thread, the
 * JIT and the GC). Variants run interleaved, round after round, and the median round is
 * reported.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.aisd.observability.benchmarks.logging.LogLineCpuCost [events-per-round] [rounds]}
 */
public final class LogLineCpuCost {

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	private final List<AsyncAppender> asyncAppenders = new ArrayList<>();

	private LogLineCpuCost() {
	}

	public static void main(String[] args) throws Exception {
		int events = (args.length > 0) ? Integer.parseInt(args[0]) : 200_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		new LogLineCpuCost().run(events, rounds);
	}

	private void run(int events, int rounds) throws FileNotFoundException {
		this.context.reset();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
		Map<String, Runnable> variants = new LinkedHashMap<>();
		Logger jsonNull = BenchmarkLoggers.logger(this.context, "json.null", BenchmarkLoggers.json(), "null");
		Logger textNull = BenchmarkLoggers.logger(this.context, "text.null", BenchmarkLoggers.text(), "null");
		Logger jsonDevNull = BenchmarkLoggers.logger(this.context, "json.devnull", BenchmarkLoggers.json(), "devnull");
		Logger textDevNull = BenchmarkLoggers.logger(this.context, "text.devnull", BenchmarkLoggers.text(), "devnull");
		Logger jsonAsync = BenchmarkLoggers.logger(this.context, "json.async", BenchmarkLoggers.json(), "async");
		this.asyncAppenders.add(BenchmarkLoggers.asyncAppender(jsonAsync));
		BenchmarkLoggers.logger(this.context, HandledRequestLogger.LOGGER_NAME, BenchmarkLoggers.json(), "devnull");
		HandledRequestLogger handled = new HandledRequestLogger(false);
		CompletedRequest request = new CompletedRequest("GET", "/api/items/{id}", "/api/items/42", 200, 1_234_567,
				"10.1.2.3", "0af7651916cd43dd8448eb211c80319d", "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
				null);
		variants.put("typical line, JSON, discarding stream", () -> jsonNull.info("Loaded item {} for customer {}", 42, "c-1001"));
		variants.put("typical line, text, discarding stream", () -> textNull.info("Loaded item {} for customer {}", 42, "c-1001"));
		variants.put("typical line, JSON, /dev/null", () -> jsonDevNull.info("Loaded item {} for customer {}", 42, "c-1001"));
		variants.put("typical line, text, /dev/null", () -> textDevNull.info("Loaded item {} for customer {}", 42, "c-1001"));
		variants.put("typical line, JSON, async -> /dev/null", () -> jsonAsync.info("Loaded item {} for customer {}", 42, "c-1001"));
		variants.put("Handled request line, JSON, /dev/null", () -> handled.onCompleted(request));
		MDC.put("request_id", "0af7651916cd43dd8448eb211c80319d");
		MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");
		MDC.put("spanId", "b7ad6b7169203331");
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		Map<String, long[]> threadCpu = new LinkedHashMap<>();
		Map<String, long[]> processCpu = new LinkedHashMap<>();
		variants.keySet().forEach((name) -> {
			threadCpu.put(name, new long[rounds]);
			processCpu.put(name, new long[rounds]);
		});
		// Warm-up: JIT every path before measuring.
		for (int i = 0; i < 3; i++) {
			for (Runnable variant : variants.values()) {
				repeat(variant, events);
				drainAsync();
			}
		}
		for (int round = 0; round < rounds; round++) {
			for (Map.Entry<String, Runnable> variant : variants.entrySet()) {
				System.gc();
				long processStart = os.getProcessCpuTime();
				long threadStart = threads.getCurrentThreadCpuTime();
				repeat(variant.getValue(), events);
				long threadEnd = threads.getCurrentThreadCpuTime();
				drainAsync();
				long processEnd = os.getProcessCpuTime();
				threadCpu.get(variant.getKey())[round] = (threadEnd - threadStart) / events;
				processCpu.get(variant.getKey())[round] = (processEnd - processStart) / events;
			}
		}
		MDC.clear();
		System.out.printf("%-42s %22s %23s%n", "variant (" + events + " events x " + rounds + " rounds)",
				"logging thread ns/line", "whole process ns/line");
		for (String name : variants.keySet()) {
			System.out.printf("%-42s %22d %23d%n", name, median(threadCpu.get(name)), median(processCpu.get(name)));
		}
		this.context.stop();
	}

	private static void repeat(Runnable variant, int events) {
		for (int i = 0; i < events; i++) {
			variant.run();
		}
	}

	private void drainAsync() {
		for (AsyncAppender async : this.asyncAppenders) {
			while (async.getNumberOfElementsInQueue() > 0) {
				Thread.onSpinWait();
			}
		}
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
