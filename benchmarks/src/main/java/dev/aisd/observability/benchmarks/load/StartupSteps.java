package dev.aisd.observability.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Starts {@link PingApplication} with Spring's {@link BufferingApplicationStartup} and
 * prints where the startup time went, then exits: the phases of the application's start,
 * the beans whose own instantiation (without the beans it waited for) took longest,
 * that self time summed per package of the bean types, the classes loaded, and the CPU
 * time the start took (the main thread's, which is what the phases spend, and the whole
 * process's, JIT and GC threads included). CPU time is much steadier than wall time on a
 * shared host, whose other loads stretch the phases but not the CPU they use.
 * {@code load/startup.sh} runs it with and without the starter on the class path. Output
 * is tab-separated: {@code kind, name, milliseconds[, count]}.
 */
public final class StartupSteps {

	private StartupSteps() {
	}

	public static void main(String[] args) {
		int top = Integer.getInteger("startup.top", 25);
		SpringApplication application = new SpringApplication(PingApplication.class);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(200_000);
		application.setApplicationStartup(startup);
		long classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		ConfigurableApplicationContext context = application.run(args);
		StartupTimeline timeline = startup.getBufferedTimeline();
		long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		double mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e6;
		double processCpu = processCpuMillis();
		Map<String, Double> threadCpu = cpuByThreadKind();
		context.close();
		print(timeline, top, classes, classesBefore);
		System.out.printf("cpu\tmain thread at ready\t%.1f%n", mainCpu);
		System.out.printf("cpu\tprocess at ready\t%.1f%n", processCpu);
		threadCpu.forEach((kind, millis) -> System.out.printf("cpu\tthreads %s\t%.1f%n", kind, millis));
		System.exit(0);
	}

	private static void print(StartupTimeline timeline, int top, long classes, long classesBefore) {
		List<TimelineEvent> events = timeline.getEvents();
		Map<Long, Duration> children = new HashMap<>();
		for (TimelineEvent event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				children.merge(parent, event.getDuration(), Duration::plus);
			}
		}
		for (TimelineEvent event : events) {
			String name = event.getStartupStep().getName();
			if (name.startsWith("spring.boot.application.") || name.equals("spring.context.refresh")
					|| name.equals("spring.context.config-classes.parse")
					|| name.equals("spring.context.beandef-registry.post-process")
					|| name.equals("spring.context.beans.post-process")) {
				System.out.printf("phase\t%s\t%.1f%n", name, millis(event.getDuration()));
			}
		}
		List<BeanTime> beans = new ArrayList<>();
		Map<String, double[]> packages = new TreeMap<>();
		for (TimelineEvent event : events) {
			if (!event.getStartupStep().getName().equals("spring.beans.instantiate")) {
				continue;
			}
			Duration own = event.getDuration()
				.minus(children.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
			String bean = tag(event.getStartupStep(), "beanName");
			String type = tag(event.getStartupStep(), "beanType");
			beans.add(new BeanTime(bean, type, millis(own)));
			double[] sum = packages.computeIfAbsent(group(type, bean), (key) -> new double[2]);
			sum[0] += millis(own);
			sum[1]++;
		}
		beans.sort(Comparator.comparingDouble(BeanTime::millis).reversed());
		for (BeanTime bean : beans.subList(0, Math.min(top, beans.size()))) {
			System.out.printf("bean\t%s (%s)\t%.1f%n", bean.name(), bean.type(), bean.millis());
		}
		packages.entrySet()
			.stream()
			.sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
			.limit(top)
			.forEach((entry) -> System.out.printf("package\t%s\t%.1f\t%d%n", entry.getKey(), entry.getValue()[0],
					(long) entry.getValue()[1]));
		System.out.printf("beans\tinstantiated\t-\t%d%n", beans.size());
		System.out.printf("classes\tloaded at ready\t-\t%d%n", classes);
		System.out.printf("classes\tloaded during run()\t-\t%d%n", classes - classesBefore);
	}

	private static double processCpuMillis() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime() / 1e6;
		}
		return Double.NaN;
	}

	/**
	 * CPU time so far per kind of thread, from Linux's {@code /proc/self/task}: the JIT
	 * compiler and GC threads are invisible to {@code ThreadMXBean} but, with the process
	 * pinned to one CPU, take that CPU from the main thread. Empty elsewhere.
	 */
	private static Map<String, Double> cpuByThreadKind() {
		Map<String, Double> kinds = new TreeMap<>();
		java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
		if (tasks == null) {
			return kinds;
		}
		double ticksPerMilli = 100 / 1000.0; // USER_HZ, 100 on every Linux the harness runs on
		for (java.io.File task : tasks) {
			try {
				String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				double millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticksPerMilli;
				kinds.merge(threadKind(name), millis, Double::sum);
			}
			catch (java.io.IOException | RuntimeException ex) {
				// A thread that ended while being read: nothing to count.
			}
		}
		return kinds;
	}

	private static String threadKind(String name) {
		if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
			return "jit";
		}
		if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
			return "gc+vm";
		}
		return name.equals("java") ? "main" : "other";
	}

	private static String tag(StartupStep step, String key) {
		for (StartupStep.Tag tag : step.getTags()) {
			if (tag.getKey().equals(key)) {
				return tag.getValue();
			}
		}
		return "?";
	}

	/** The first four segments of the bean's package: whose code the bean is. */
	private static String group(String type, String bean) {
		// The tag is the type's toString(): "class a.b.C" or "interface a.b.C".
		String name = !"?".equals(type) ? type.substring(type.indexOf(' ') + 1) : bean;
		String[] segments = name.split("\\.");
		int keep = Math.min(4, Math.max(segments.length - 1, 1));
		return String.join(".", java.util.Arrays.copyOf(segments, keep));
	}

	private static double millis(Duration duration) {
		return duration.toNanos() / 1e6;
	}

	private record BeanTime(String name, String type, double millis) {
	}

}
