package dev.aisd.observability.benchmarks.security;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import dev.aisd.observability.security.SecurityMetricsCollector;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Thread CPU time and allocated bytes per call of the collector's hot path. A complement
 * to {@link SecurityCollectorBenchmark} on a shared, oversubscribed machine: wall-clock
 * time per operation there includes the time the thread waits for a CPU, thread CPU time
 * does not. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.aisd.observability.benchmarks.security.SecurityCollectorCpuTime}.
 */
public final class SecurityCollectorCpuTime {

	private static final Double SCORE = 0.95;

	private static final Double DETECT = 12.0;

	private static final Double RESPOND = 140.0;

	private static final Double REMEDIATE = 480.0;

	private static final int OPERATIONS = 2_000_000;

	private static final int ROUNDS = 7;

	private SecurityCollectorCpuTime() {
	}

	public static void main(String[] args) {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SecurityMetricsCollector collector = new SecurityMetricsCollector(registry);
		Counter counter = Counter.builder("baseline").register(registry);
		String attackType = new String("sql_injection");
		String severity = new String("high");
		measure("baseline counter increment", counter::increment);
		measure("recordSuspiciousPattern", () -> collector.recordSuspiciousPattern("path_traversal"));
		measure("recordWafRuleTrigger", () -> collector.recordWafRuleTrigger("942100", "critical"));
		measure("recordAttackBlocked (+ score)", () -> collector.recordAttackBlocked(attackType, severity, SCORE));
		measure("recordDetectionTime", () -> collector.recordDetectionTime("signature", 0.02));
		measure("updateActiveThreats", () -> collector.updateActiveThreats("bot", 3));
		measure("recordIncident", () -> collector.recordIncident("intrusion", DETECT, RESPOND, REMEDIATE));
	}

	private static void measure(String name, Runnable operation) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		for (int i = 0; i < 3 * OPERATIONS; i++) {
			operation.run();
		}
		double[] nanos = new double[ROUNDS];
		double[] bytes = new double[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			long allocatedBefore = threads.getThreadAllocatedBytes(thread);
			long cpuBefore = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < OPERATIONS; i++) {
				operation.run();
			}
			nanos[round] = (double) (threads.getCurrentThreadCpuTime() - cpuBefore) / OPERATIONS;
			bytes[round] = (double) (threads.getThreadAllocatedBytes(thread) - allocatedBefore) / OPERATIONS;
		}
		Arrays.sort(nanos);
		Arrays.sort(bytes);
		System.out.printf("%-32s CPU ns/op median %6.1f (min %6.1f, max %6.1f)   B/op median %.3f%n", name,
				nanos[ROUNDS / 2], nanos[0], nanos[ROUNDS - 1], bytes[ROUNDS / 2]);
	}

}
