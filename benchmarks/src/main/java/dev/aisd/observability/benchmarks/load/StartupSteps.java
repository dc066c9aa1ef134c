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
 * that self time summed per package of the bean types, and the classes loaded.
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
		context.close();
		print(timeline, top, classes, classesBefore);
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
