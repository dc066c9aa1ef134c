package dev.aisd.observability.sample.security;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientRateLimiterTests {

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void tryAcquireWhenBurstExceedsCapacityThenRefusedUntilRefilled() {
		ClientRateLimiter limiter = new ClientRateLimiter(3, 1, 10, this.nanos::get);
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isFalse();
		assertThat(limiter.tryAcquire("b")).as("another client has its own bucket").isTrue();
		this.nanos.addAndGet(1_000_000_000L);
		assertThat(limiter.tryAcquire("a")).isTrue();
		assertThat(limiter.tryAcquire("a")).isFalse();
	}

	@Test
	void tryAcquireWhenManyClientsThenMapStaysBounded() {
		ClientRateLimiter limiter = new ClientRateLimiter(2, 1, 100, this.nanos::get);
		for (int i = 0; i < 10_000; i++) {
			limiter.tryAcquire("10.0." + (i / 256) + "." + (i % 256));
		}
		assertThat(limiter.trackedClients()).isLessThanOrEqualTo(100);
	}

	@Test
	void tryAcquireWhenMapFullOfIdleClientsThenIdleOnesAreEvicted() {
		ClientRateLimiter limiter = new ClientRateLimiter(2, 1, 2, this.nanos::get);
		limiter.tryAcquire("a");
		limiter.tryAcquire("b");
		this.nanos.addAndGet(5_000_000_000L);
		assertThat(limiter.tryAcquire("c")).isTrue();
		assertThat(limiter.trackedClients()).isEqualTo(1);
	}

	@Test
	void createWhenInvalidSettingsThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientRateLimiter(0, 1, 1, this.nanos::get));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientRateLimiter(1, 0, 1, this.nanos::get));
	}

}
