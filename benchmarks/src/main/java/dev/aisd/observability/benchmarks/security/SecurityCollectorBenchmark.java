package dev.aisd.observability.benchmarks.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.security.SecurityEvent;
import dev.aisd.observability.security.SecurityMetricsCollector;
import dev.aisd.observability.security.SecurityMetricsOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@code record*} and {@code update*} calls of the security collector with labels
 * seen before, on a Prometheus registry (what a service scrapes). Budget: 300 ns and no
 * allocation per call. Run with {@code -prof gc} to see {@code gc.alloc.rate.norm}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SecurityCollectorBenchmark {

	// Boxed once: the boxing of a caller's literal is the caller's allocation, not ours.
	private static final Double SCORE = 0.95;

	private static final Double DETECT = 12.0;

	private static final Double RESPOND = 140.0;

	private static final Double REMEDIATE = 480.0;

	private SecurityMetricsCollector collector;

	// A collector with an event listener, as the starter wires it with the event log on;
	// the listener only publishes the event, so this measures building the event itself.
	private SecurityMetricsCollector listening;

	private volatile SecurityEvent lastEvent;

	private Counter rawCounter;

	private DistributionSummary rawSummary;

	private Timer rawTimer;

	private String attackType;

	private String severity;

	@Setup
	public void setUp() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.collector = new SecurityMetricsCollector(registry);
		this.rawCounter = Counter.builder("baseline").tag("a", "b").register(registry);
		this.rawSummary = DistributionSummary.builder("baseline.summary")
			.serviceLevelObjectives(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
			.register(registry);
		this.rawTimer = Timer.builder("baseline.timer")
			.serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
					Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
					Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300),
					Duration.ofSeconds(600), Duration.ofSeconds(1800), Duration.ofSeconds(3600))
			.register(registry);
		// Label values as a request would carry them: equal strings, not the same instances.
		this.attackType = new String("sql_injection");
		this.severity = new String("high");
		this.collector.recordAttackBlocked("sql_injection", "high", SCORE);
		this.collector.recordWafRuleTrigger("942100", "critical");
		this.collector.recordSuspiciousPattern("path_traversal");
		this.collector.recordDetectionTime("signature", 0.02);
		this.collector.updateActiveThreats("bot", 3);
		this.collector.recordIncident("intrusion", DETECT, RESPOND, REMEDIATE);
		this.listening = new SecurityMetricsCollector(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
				SecurityMetricsOptions.defaults().withEventListener((event) -> this.lastEvent = event));
		this.listening.recordWafRuleTrigger("942100", "critical");
	}

	/** The floor: a Micrometer counter kept in a field, no label handling at all. */
	@Benchmark
	public void baselineCounterIncrement() {
		this.rawCounter.increment();
	}

	/** The floor of a score: a Micrometer histogram summary kept in a field. */
	@Benchmark
	public void baselineSummaryRecord() {
		this.rawSummary.record(0.95);
	}

	/** The floor of a time: a Micrometer histogram timer kept in a field. */
	@Benchmark
	public void baselineTimerRecord() {
		this.rawTimer.record(20_000_000L, TimeUnit.NANOSECONDS);
	}

	/** Two-label counter plus a score histogram. */
	@Benchmark
	public void recordAttackBlocked() {
		this.collector.recordAttackBlocked(this.attackType, this.severity, SCORE);
	}

	/** Two-label counter. */
	@Benchmark
	public void recordWafRuleTrigger() {
		this.collector.recordWafRuleTrigger("942100", "critical");
	}

	/** Two-label counter with an event listener: the cost of the event the log line is made from. */
	@Benchmark
	public void recordWafRuleTriggerWithListener() {
		this.listening.recordWafRuleTrigger("942100", "critical");
	}

	/** The seed's short form: one-label counter, default reputation. */
	@Benchmark
	public void recordHoneypotHitSeedForm() {
		this.collector.recordHoneypotHit("wp_admin");
	}

	/** One-label counter. */
	@Benchmark
	public void recordSuspiciousPattern() {
		this.collector.recordSuspiciousPattern("path_traversal");
	}

	/** One-label timer with a 14-bucket histogram. */
	@Benchmark
	public void recordDetectionTime() {
		this.collector.recordDetectionTime("signature", 0.02);
	}

	/** One-label gauge write. */
	@Benchmark
	public void updateActiveThreats() {
		this.collector.updateActiveThreats("bot", 3);
	}

	/** Rolling mean-time window of one incident type (a short lock). */
	@Benchmark
	public void recordIncident() {
		this.collector.recordIncident("intrusion", DETECT, RESPOND, REMEDIATE);
	}

}
