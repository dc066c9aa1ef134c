package dev.aisd.observability.benchmarks.logging;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.web.internal.RequestIds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of validating a client's request id and of generating one, against
 * {@code UUID.randomUUID()} (a shared {@code SecureRandom}) as the obvious alternative.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RequestIdBenchmark {

	private final String validId = "0af7651916cd43dd8448eb211c80319c";

	private final String hostileId = "<script>alert(1)</script>";

	private final String hugeId = "a".repeat(10 * 1024);

	@Benchmark
	public boolean validateValid() {
		return RequestIds.isValid(this.validId);
	}

	@Benchmark
	public boolean validateHostile() {
		return RequestIds.isValid(this.hostileId);
	}

	@Benchmark
	public boolean validateHuge() {
		return RequestIds.isValid(this.hugeId);
	}

	@Benchmark
	public String generate() {
		return RequestIds.generate();
	}

	@Benchmark
	public String generateUuidBaseline() {
		return UUID.randomUUID().toString();
	}

}
