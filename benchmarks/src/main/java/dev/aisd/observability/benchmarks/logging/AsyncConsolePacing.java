package dev.aisd.observability.benchmarks.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import com.sun.management.OperatingSystemMXBean;
import dev.aisd.observability.logging.internal.AsyncConsoleInstaller;

/**
 * What the starter's asynchronous console costs per line when lines arrive one at a time,
 * as access lines do on a server, rather than in a tight loop: each line is followed by
 * a fixed amount of busy work (the rest of a "request"), so the background writer has
 * always caught up when the next line comes. Run it on one CPU ({@code taskset -c 0}), as
 * the end-to-end runs pin the application, to see the cost of waking the writer: the
 * whole process's CPU time and context switches per line, for the writer woken by every
 * line ({@code flush-interval} 0, the Disruptor's {@code liteBlocking}), for the writer
 * sleeping between batches, and for the busy work alone. Variants alternate round after
 * round; medians are printed.
 *
 * <pre>
 * taskset -c 0 java -cp benchmarks/target/benchmarks.jar \
 *   dev.aisd.observability.benchmarks.logging.AsyncConsolePacing [lines] [rounds] [work-µs]
 * </pre>
 */
public final class AsyncConsolePacing {

	private AsyncConsolePacing() {
	}

	public static void main(String[] args) throws IOException {
		int lines = (args.length > 0) ? Integer.parseInt(args[0]) : 50_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		long workNanos = ((args.length > 2) ? Long.parseLong(args[2]) : 20) * 1000;
		PrintStream console = System.out;
		Map<String, Logger> variants = new LinkedHashMap<>();
		variants.put("busy work only", null);
		variants.put("writer woken per line (flush-interval 0)", asyncConsole(Duration.ZERO));
		variants.put("writer sleeps 1 ms between batches", asyncConsole(Duration.ofMillis(1)));
		variants.put("writer sleeps 10 ms between batches", asyncConsole(Duration.ofMillis(10)));
		Map<String, long[]> cpu = new LinkedHashMap<>();
		Map<String, long[]> switches = new LinkedHashMap<>();
		variants.keySet().forEach((name) -> {
			cpu.put(name, new long[rounds]);
			switches.put(name, new long[rounds]);
		});
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		try (PrintStream devNull = new PrintStream(new FileOutputStream("/dev/null"), false)) {
			System.setOut(devNull);
			for (int round = -2; round < rounds; round++) {
				for (Map.Entry<String, Logger> variant : variants.entrySet()) {
					System.gc();
					long cpuStart = os.getProcessCpuTime();
					long switchesStart = contextSwitches();
					pace(variant.getValue(), lines, workNanos);
					// Let the writer finish the last batch before reading the counters.
					sleep(Duration.ofMillis(30));
					if (round >= 0) {
						cpu.get(variant.getKey())[round] = (os.getProcessCpuTime() - cpuStart) / lines;
						switches.get(variant.getKey())[round] = (contextSwitches() - switchesStart) * 1000 / lines;
					}
				}
			}
		}
		finally {
			System.setOut(console);
		}
		System.out.printf("%-44s %18s %26s%n", "variant (" + lines + " lines x " + rounds + " rounds, "
				+ workNanos / 1000 + " µs of work each)", "process ns/line", "context switches/1000 lines");
		for (String name : variants.keySet()) {
			System.out.printf("%-44s %18d %26d%n", name, median(cpu.get(name)), median(switches.get(name)));
		}
		for (Logger logger : variants.values()) {
			if (logger != null) {
				logger.getLoggerContext().stop();
			}
		}
	}

	/** A logback context set up like Spring Boot's console, behind the starter's async appender. */
	private static Logger asyncConsole(Duration flushInterval) {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setName(AsyncConsoleInstaller.CONSOLE_APPENDER);
		console.setEncoder(BenchmarkLoggers.json());
		console.getEncoder().setContext(context);
		console.getEncoder().start();
		console.start();
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.setLevel(Level.INFO);
		root.addAppender(console);
		if (!AsyncConsoleInstaller.install(context, 8192, Duration.ofSeconds(1), flushInterval)) {
			throw new IllegalStateException("The asynchronous console was not installed");
		}
		return context.getLogger("dev.aisd.observability.web.access");
	}

	private static void pace(Logger logger, int lines, long workNanos) {
		for (int i = 0; i < lines; i++) {
			if (logger != null) {
				logger.info("Handled request {} {} {}", "GET", "/api/items/{id}", 200);
			}
			long until = System.nanoTime() + workNanos;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
		}
	}

	/** Voluntary and involuntary context switches of every thread of this process. */
	private static long contextSwitches() throws IOException {
		long total = 0;
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					for (String line : Files.readAllLines(task.resolve("status"))) {
						if (line.contains("ctxt_switches")) {
							total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
						}
					}
				}
				catch (IOException ex) {
					// The thread ended meanwhile.
				}
			}
		}
		return total;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
