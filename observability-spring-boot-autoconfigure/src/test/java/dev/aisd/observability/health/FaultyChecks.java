package dev.aisd.observability.health;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Configuration;

/**
 * A critical "db" check and a non-critical "cache" check whose behaviour tests switch at
 * runtime.
 */
@Configuration(proxyBeanMethods = false)
class FaultyChecks {

	final AtomicReference<String> db = new AtomicReference<>("none");

	final AtomicReference<String> cache = new AtomicReference<>("none");

	final AtomicInteger dbRuns = new AtomicInteger();

	final AtomicReference<String> dbThread = new AtomicReference<>();

	// Replaced on every clear(), so a stuck run is released.
	private volatile CountDownLatch hang = new CountDownLatch(1);

	@HealthCheck(name = "db", timeout = "300ms")
	HealthCheckResult db() throws Exception {
		this.dbRuns.incrementAndGet();
		this.dbThread.set(Thread.currentThread().getName());
		return behave(this.db.get());
	}

	@HealthCheck(name = "cache", critical = false, timeout = "300ms")
	HealthCheckResult cache() throws Exception {
		return behave(this.cache.get());
	}

	void clear() {
		this.db.set("none");
		this.cache.set("none");
		this.hang.countDown();
		this.hang = new CountDownLatch(1);
	}

	private HealthCheckResult behave(String fault) throws Exception {
		return switch (fault) {
			case "error" -> HealthCheckResult.unhealthy(Map.of("error", "connection refused"));
			case "degraded" -> HealthCheckResult.degraded("replica lag");
			case "exception" -> throw new IllegalStateException("pool exhausted");
			case "stackoverflow" -> throw new StackOverflowError("deliberate");
			case "oom" -> throw new OutOfMemoryError("deliberate");
			case "assertion" -> throw new AssertionError("deliberate");
			case "null" -> null;
			case "hang" -> {
				this.hang.await();
				yield HealthCheckResult.healthy();
			}
			case "stubborn" -> {
				CountDownLatch latch = this.hang;
				while (latch.getCount() > 0) {
					try {
						latch.await();
					}
					catch (InterruptedException ex) {
						// Deliberately ignores interrupts.
					}
				}
				yield HealthCheckResult.healthy();
			}
			case "huge" -> HealthCheckResult.healthy(Map.of("blob", "z".repeat(2_000_000)));
			case "unserializable" -> {
				Map<String, Object> self = new HashMap<>();
				self.put("self", self);
				self.put("bean", new Object() {
					public String getBoom() {
						throw new IllegalStateException("getter");
					}
				});
				yield HealthCheckResult.healthy(self);
			}
			default -> HealthCheckResult.healthy(Map.of("fault", "none"));
		};
	}

}
