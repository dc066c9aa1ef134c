package dev.aisd.observability.health.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.aisd.observability.health.HealthCheckFunction;
import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckResult;
import dev.aisd.observability.health.HealthStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class HealthCheckEngineTests {

	private static final Duration TIMEOUT = Duration.ofMillis(200);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final List<CountDownLatch> latches = new ArrayList<>();

	private HealthCheckEngine engine = engine(4, 16, Duration.ofSeconds(1));

	@AfterEach
	void close() {
		this.latches.forEach(CountDownLatch::countDown);
		this.engine.close();
	}

	@Test
	void evaluateWhenNoChecksThenOk() {
		HealthReport report = this.engine.evaluate().join();
		assertThat(report.status()).isEqualTo(HealthStatus.OK);
		assertThat(report.checks()).isEmpty();
	}

	@Test
	void evaluateWhenChecksThenSortedByNameWithDetailAndDuration() {
		this.engine.register(HealthCheckOptions.of("zeta"), () -> HealthCheckResult.healthy(Map.of("keys", 128)));
		this.engine.register(HealthCheckOptions.of("alpha").withCritical(false), HealthCheckResult::degraded);
		HealthReport report = this.engine.evaluate().join();
		assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
		assertThat(report.checks()).extracting(CheckReport::name).containsExactly("alpha", "zeta");
		CheckReport zeta = report.checks().get(1);
		assertThat(zeta.detail()).containsEntry("keys", 128);
		assertThat(zeta.critical()).isTrue();
		assertThat(zeta.durationMs()).isGreaterThanOrEqualTo(0);
		assertThat(zeta.lastRun()).isNull();
		assertThat(zeta.stale()).isNull();
	}

	@Test
	void evaluateWhenCheckThrowsThenErrorWithTypeAndMessage() {
		this.engine.register(HealthCheckOptions.of("runtime"), () -> {
			throw new IllegalStateException("connection refused");
		});
		this.engine.register(HealthCheckOptions.of("checked"), () -> {
			throw new java.io.IOException();
		});
		this.engine.register(HealthCheckOptions.of("so"), () -> {
			throw new StackOverflowError("deliberate");
		});
		this.engine.register(HealthCheckOptions.of("oom"), () -> {
			throw new OutOfMemoryError("deliberate");
		});
		this.engine.register(HealthCheckOptions.of("assertion"), () -> {
			throw new AssertionError("deliberate");
		});
		this.engine.register(HealthCheckOptions.of("recursion"), this::recurse);
		HealthReport report = this.engine.evaluate().join();
		assertThat(report.status()).isEqualTo(HealthStatus.ERROR);
		assertThat(detail(report, "runtime")).containsExactly(
				Map.entry("error", "java.lang.IllegalStateException: connection refused"));
		assertThat(detail(report, "checked")).containsExactly(Map.entry("error", "java.io.IOException"));
		assertThat(detail(report, "so")).containsEntry("error", "java.lang.StackOverflowError: deliberate");
		assertThat(detail(report, "oom")).containsEntry("error", "java.lang.OutOfMemoryError: deliberate");
		assertThat(detail(report, "assertion")).containsEntry("error", "java.lang.AssertionError: deliberate");
		assertThat(detail(report, "recursion")).containsEntry("error", "java.lang.StackOverflowError");
		assertThat(report.checks()).allSatisfy((check) -> assertThat(check.status()).isEqualTo(HealthStatus.ERROR));
	}

	@Test
	void evaluateWhenCheckReturnsNullThenError() {
		this.engine.register(HealthCheckOptions.of("null"), () -> null);
		this.engine.registerAsync(HealthCheckOptions.of("null-stage"), () -> null);
		this.engine.registerAsync(HealthCheckOptions.of("null-value"), () -> CompletableFuture.completedFuture(null));
		HealthReport report = this.engine.evaluate().join();
		assertThat(report.checks()).allSatisfy((check) -> {
			assertThat(check.status()).isEqualTo(HealthStatus.ERROR);
			assertThat(check.detail()).containsEntry("error", "health check returned null");
		});
	}

	@Test
	void evaluateWhenAsyncCheckFailsThenErrorWithCause() {
		this.engine.registerAsync(HealthCheckOptions.of("async"),
				() -> CompletableFuture.failedFuture(new IllegalArgumentException("bad")));
		assertThat(detail(this.engine.evaluate().join(), "async")).containsEntry("error",
				"java.lang.IllegalArgumentException: bad");
	}

	@Test
	void evaluateWhenCheckHangsThenTimeoutErrorAndThreadInterrupted() {
		CountDownLatch never = latch();
		AtomicBoolean interrupted = new AtomicBoolean();
		this.engine.register(HealthCheckOptions.of("hang").withTimeout(TIMEOUT), () -> {
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
				throw ex;
			}
			return HealthCheckResult.healthy();
		});
		this.engine.register(HealthCheckOptions.of("fine"), HealthCheckResult::healthy);
		HealthReport report = this.engine.evaluate().join();
		assertThat(report.status()).isEqualTo(HealthStatus.ERROR);
		assertThat(detail(report, "hang")).containsExactly(Map.entry("error", "timeout after 200 ms"));
		assertThat(check(report, "hang").durationMs()).isGreaterThanOrEqualTo(200);
		assertThat(check(report, "fine").status()).isEqualTo(HealthStatus.OK);
		await().atMost(Duration.ofSeconds(5)).untilTrue(interrupted);
	}

	@Test
	void evaluateWhenAsyncCheckNeverCompletesThenTimeoutAndStageCancelled() {
		CompletableFuture<HealthCheckResult> never = new CompletableFuture<>();
		this.engine.registerAsync(HealthCheckOptions.of("async-hang").withTimeout(TIMEOUT), () -> never);
		assertThat(detail(this.engine.evaluate().join(), "async-hang")).containsEntry("error",
				"timeout after 200 ms");
		await().atMost(Duration.ofSeconds(5)).until(never::isCancelled);
	}

	@Test
	void evaluateWhenCheckIgnoresInterruptsThenNoSecondRunUntilItReturnsAndThenRecovers() {
		CountDownLatch release = latch();
		AtomicInteger runs = new AtomicInteger();
		AtomicBoolean broken = new AtomicBoolean(true);
		this.engine.register(HealthCheckOptions.of("stubborn").withTimeout(TIMEOUT), () -> {
			runs.incrementAndGet();
			if (broken.get()) {
				awaitUninterruptibly(release);
			}
			return HealthCheckResult.healthy();
		});
		assertThat(detail(this.engine.evaluate().join(), "stubborn")).containsEntry("error", "timeout after 200 ms");
		for (int i = 0; i < 5; i++) {
			this.clock.advance(Duration.ofSeconds(2));
			CompletableFuture<HealthReport> next = this.engine.evaluate();
			// Answered at once: the previous run still holds its thread, no new run starts.
			assertThat(next).isDone();
			CheckReport check = check(next.join(), "stubborn");
			assertThat(check.status()).isEqualTo(HealthStatus.ERROR);
			assertThat(check.detail()).containsEntry("error", "timeout after 200 ms").containsKey("still_running_ms");
		}
		assertThat(runs).hasValue(1);
		broken.set(false);
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(check(this.engine.evaluate().join(), "stubborn").status()).isEqualTo(HealthStatus.OK);
		});
		assertThat(runs).hasValue(2);
	}

	@Test
	void evaluateWhenManyHungChecksThenPoolNeverGrowsAndLateRunsAreRejectedOrTimedOut() {
		this.engine.close();
		this.engine = engine(1, 1, Duration.ofSeconds(1));
		CountDownLatch never = latch();
		for (String name : List.of("a", "b", "c")) {
			this.engine.register(HealthCheckOptions.of(name).withTimeout(TIMEOUT), () -> {
				awaitUninterruptibly(never);
				return HealthCheckResult.healthy();
			});
		}
		HealthReport report = this.engine.evaluate().join();
		assertThat(report.checks()).allSatisfy((check) -> assertThat(check.status()).isEqualTo(HealthStatus.ERROR));
		assertThat(detail(report, "a")).containsEntry("error", "timeout after 200 ms");
		// b waited in the queue and was dequeued at its deadline; c found the queue full.
		assertThat(detail(report, "b")).containsEntry("error", "timeout after 200 ms");
		assertThat(detail(report, "c")).containsEntry("error", "rejected: health check executor is saturated");
		this.clock.advance(Duration.ofSeconds(2));
		this.engine.evaluate().join();
		assertThat(this.engine.getPoolSize()).isEqualTo(1);
	}

	@Test
	void evaluateWhenConcurrentRequestsThenOneRunSharedByAll() throws Exception {
		CountDownLatch release = latch();
		AtomicInteger runs = new AtomicInteger();
		this.engine.register(HealthCheckOptions.of("slow"), () -> {
			runs.incrementAndGet();
			release.await();
			return HealthCheckResult.healthy();
		});
		List<CompletableFuture<HealthReport>> reports = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			reports.add(this.engine.evaluate());
		}
		release.countDown();
		for (CompletableFuture<HealthReport> report : reports) {
			assertThat(report.get().status()).isEqualTo(HealthStatus.OK);
		}
		assertThat(runs).hasValue(1);
	}

	@Test
	void evaluateWithinCacheTtlThenCachedResultAndAfterTtlThenNewRun() {
		AtomicInteger runs = new AtomicInteger();
		this.engine.register(HealthCheckOptions.of("counted"),
				() -> HealthCheckResult.healthy(Map.of("run", runs.incrementAndGet())));
		assertThat(detail(this.engine.evaluate().join(), "counted")).containsEntry("run", 1);
		this.clock.advance(Duration.ofMillis(999));
		assertThat(detail(this.engine.evaluate().join(), "counted")).containsEntry("run", 1);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(detail(this.engine.evaluate().join(), "counted")).containsEntry("run", 2);
		assertThat(runs).hasValue(2);
	}

	@Test
	void evaluateWhenBackgroundCheckThenRunsOnScheduleAndReportsLastRunAndStale() {
		AtomicInteger runs = new AtomicInteger();
		this.engine.register(HealthCheckOptions.of("bg").withInterval(Duration.ofMillis(20)).withTimeout(TIMEOUT),
				() -> HealthCheckResult.healthy(Map.of("run", runs.incrementAndGet())));
		await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
		CheckReport check = check(this.engine.evaluate().join(), "bg");
		assertThat(check.lastRun()).isEqualTo(this.clock.instant());
		assertThat(check.stale()).isFalse();
		// interval 20 ms, timeout 200 ms: stale once 2 x 20 + 200 ms have passed without a run.
		this.engine.unregister("bg");
		this.engine.register(HealthCheckOptions.of("bg2").withInterval(Duration.ofHours(1)).withTimeout(TIMEOUT),
				HealthCheckResult::healthy);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> check(this.engine.evaluate().join(), "bg2").lastRun() != null);
		this.clock.advance(Duration.ofHours(2).plus(TIMEOUT));
		assertThat(check(this.engine.evaluate().join(), "bg2").stale()).isFalse();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(check(this.engine.evaluate().join(), "bg2").stale()).isTrue();
	}

	@Test
	void evaluateWhenBackgroundCheckThenRequestsNeverRunIt() {
		AtomicInteger runs = new AtomicInteger();
		this.engine.register(HealthCheckOptions.of("bg").withInterval(Duration.ofHours(1)),
				() -> HealthCheckResult.healthy(Map.of("run", runs.incrementAndGet())));
		await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
		for (int i = 0; i < 10; i++) {
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(detail(this.engine.evaluate().join(), "bg")).containsEntry("run", 1);
		}
		assertThat(runs).hasValue(1);
	}

	@Test
	void evaluateWhenFailureThresholdThenPreviousStatusUntilReached() {
		AtomicReference<HealthCheckResult> next = new AtomicReference<>(HealthCheckResult.healthy());
		this.engine.register(HealthCheckOptions.of("flaky").withThresholds(2, 1), next::get);
		assertThat(check(this.engine.evaluate().join(), "flaky").status()).isEqualTo(HealthStatus.OK);
		next.set(HealthCheckResult.unhealthy("down"));
		this.clock.advance(Duration.ofSeconds(1));
		CheckReport held = check(this.engine.evaluate().join(), "flaky");
		assertThat(held.status()).isEqualTo(HealthStatus.OK);
		assertThat(held.pending()).isEqualTo(new Hysteresis.Pending(HealthStatus.ERROR, 1, 2));
		assertThat(held.detail()).containsEntry("error", "down");
		this.clock.advance(Duration.ofSeconds(1));
		CheckReport flipped = check(this.engine.evaluate().join(), "flaky");
		assertThat(flipped.status()).isEqualTo(HealthStatus.ERROR);
		assertThat(flipped.pending()).isNull();
	}

	@Test
	void registerWhenDuplicateNameThenFailsNamingBothSources() {
		this.engine.register(HealthCheckOptions.of("db"), HealthCheckResult::healthy, "bean 'a'");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.engine.register(HealthCheckOptions.of("db"), HealthCheckResult::healthy, "bean 'b'"))
			.withMessage("Duplicate health check name 'db': declared by bean 'a' and by bean 'b'");
	}

	@Test
	void unregisterWhenRegisteredThenGoneFromReport() {
		this.engine.register("temp", HealthCheckResult::healthy);
		assertThat(this.engine.getNames()).containsExactly("temp");
		assertThat(this.engine.unregister("temp")).isTrue();
		assertThat(this.engine.unregister("temp")).isFalse();
		assertThat(this.engine.evaluate().join().checks()).isEmpty();
	}

	@Test
	void registerWhenOverridesThenApplied() {
		this.engine.close();
		Function<HealthCheckOptions, HealthCheckOptions> overrides = (options) -> switch (options.getName()) {
			case "off" -> null;
			case "soft" -> options.withCritical(false).withTimeout(Duration.ofMillis(300));
			default -> options;
		};
		this.engine = new HealthCheckEngine(settings(4, 16, Duration.ofSeconds(1)), this.clock, overrides);
		assertThat(this.engine.register(HealthCheckOptions.of("off"), HealthCheckResult::healthy, "test")).isFalse();
		this.engine.register(HealthCheckOptions.of("soft"), HealthCheckResult::unhealthy);
		assertThat(this.engine.getNames()).containsExactly("soft");
		assertThat(this.engine.getSettings("soft").timeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(this.engine.evaluate().join().status()).isEqualTo(HealthStatus.DEGRADED);
	}

	@Test
	void evaluateWhenHugeOrUnserializableDetailThenTruncatedAndRenderable() {
		this.engine.register(HealthCheckOptions.of("huge"),
				() -> HealthCheckResult.healthy(Map.of("blob", "y".repeat(5_000_000), "odd", new Object() {
					@Override
					public String toString() {
						throw new IllegalStateException("no");
					}
				})));
		HealthReport report = this.engine.evaluate().join();
		assertThat((String) detail(report, "huge").get("blob")).hasSizeLessThan(1100);
		assertThat(HealthJsonTests.parse(HealthJson.report(report, "svc"))).containsEntry("status", "ok");
	}

	private HealthCheckEngine engine(int threads, int queue, Duration ttl) {
		return new HealthCheckEngine(settings(threads, queue, ttl), this.clock, Function.identity());
	}

	private static HealthCheckEngine.EngineSettings settings(int threads, int queue, Duration ttl) {
		return new HealthCheckEngine.EngineSettings(threads, queue, Duration.ofSeconds(2), ttl, 1024);
	}

	private CountDownLatch latch() {
		CountDownLatch latch = new CountDownLatch(1);
		this.latches.add(latch);
		return latch;
	}

	private HealthCheckResult recurse() {
		return recurse();
	}

	static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (true) {
			try {
				latch.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	static CheckReport check(HealthReport report, String name) {
		return report.checks().stream().filter((check) -> check.name().equals(name)).findFirst().orElseThrow();
	}

	static Map<String, Object> detail(HealthReport report, String name) {
		return check(report, name).detail();
	}

	static HealthCheckFunction healthy() {
		return HealthCheckResult::healthy;
	}

}
