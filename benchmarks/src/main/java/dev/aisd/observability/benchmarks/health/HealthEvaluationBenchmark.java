package dev.aisd.observability.benchmarks.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckResult;
import dev.aisd.observability.health.internal.HealthCheckEngine;
import dev.aisd.observability.health.internal.HealthJson;
import dev.aisd.observability.health.internal.HealthReport;

/**
 * Cost of answering {@code /health} in-process, without HTTP: an uncached evaluation of N
 * trivial checks (each run dispatched to the check pool, with its timeout scheduled and
 * cancelled) and a cached one (the common case under probe load), both including writing
 * the JSON payload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HealthEvaluationBenchmark {

	@Param({ "1", "10", "50" })
	int checks;

	private HealthCheckEngine uncached;

	private HealthCheckEngine cached;

	@Setup(Level.Trial)
	public void setUp() {
		this.uncached = engine(Duration.ZERO);
		this.cached = engine(Duration.ofHours(1));
		this.cached.evaluate().join();
	}

	private HealthCheckEngine engine(Duration ttl) {
		HealthCheckEngine engine = new HealthCheckEngine(
				new HealthCheckEngine.EngineSettings(4, 64, Duration.ofSeconds(2), ttl, 1024), Clock.systemUTC(),
				Function.identity());
		for (int i = 0; i < this.checks; i++) {
			int id = i;
			engine.register(HealthCheckOptions.of("check-" + i),
					() -> HealthCheckResult.healthy(Map.of("id", id, "pool_active", 2)));
		}
		return engine;
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.uncached.close();
		this.cached.close();
	}

	@Benchmark
	public String uncachedEvaluation() {
		HealthReport report = this.uncached.evaluate().join();
		return HealthJson.report(report, "bench");
	}

	@Benchmark
	public String cachedEvaluation() {
		HealthReport report = this.cached.evaluate().join();
		return HealthJson.report(report, "bench");
	}

}
