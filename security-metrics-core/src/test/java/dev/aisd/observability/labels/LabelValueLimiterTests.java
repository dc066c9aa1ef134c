package dev.aisd.observability.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class LabelValueLimiterTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void limitWhenWithinBoundThenReturnsValue() {
		LabelValueLimiter limiter = new LabelValueLimiter(this.registry, "m", "l", 2);
		assertThat(limiter.limit("a")).isEqualTo("a");
		assertThat(limiter.limit("b")).isEqualTo("b");
		assertThat(limiter.limit("a")).isEqualTo("a");
		assertThat(folded()).isZero();
	}

	@Test
	void limitWhenBoundExceededThenFoldsIntoOtherAndCounts() {
		LabelValueLimiter limiter = new LabelValueLimiter(this.registry, "m", "l", 2);
		limiter.limit("a");
		limiter.limit("b");
		assertThat(limiter.limit("c")).isEqualTo(LabelValueLimiter.OTHER);
		assertThat(limiter.limit("d")).isEqualTo(LabelValueLimiter.OTHER);
		assertThat(limiter.limit("b")).isEqualTo("b");
		assertThat(folded()).isEqualTo(2);
		assertThat(limiter.acceptedCount()).isEqualTo(2);
	}

	@Test
	void limitWhenValueTooLongThenFolds() {
		LabelValueLimiter limiter = new LabelValueLimiter(this.registry, "m", "l", 10);
		assertThat(limiter.limit("x".repeat(LabelValueLimiter.MAX_VALUE_LENGTH))).hasSize(128);
		assertThat(limiter.limit("x".repeat(LabelValueLimiter.MAX_VALUE_LENGTH + 1)))
			.isEqualTo(LabelValueLimiter.OTHER);
		assertThat(folded()).isEqualTo(1);
	}

	@Test
	void limitWhenAnyCharactersThenKeptVerbatim() {
		LabelValueLimiter limiter = new LabelValueLimiter(this.registry, "m", "l", 10);
		String hostile = "a\"b\\c\nd{e}=\u00e9\u0000";
		assertThat(limiter.limit(hostile)).isEqualTo(hostile);
	}

	@Test
	void limitWhenNullThenThrowsClearly() {
		LabelValueLimiter limiter = new LabelValueLimiter(this.registry, "m", "l", 10);
		assertThatNullPointerException().isThrownBy(() -> limiter.limit(null))
			.withMessage("label value must not be null");
	}

	@Test
	void createWhenMaxValuesBelowOneThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LabelValueLimiter(this.registry, "m", "l", 0))
			.withMessage("maxValues must be at least 1 but was 0");
	}

	@Test
	void limitWhenManyThreadsRaceThenBoundHolds() throws Exception {
		LabelValueLimiter limiter = new LabelValueLimiter(this.registry, "m", "l", 50);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		Set<String> seen = ConcurrentHashMap.newKeySet();
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			futures.add(executor.submit(() -> {
				start.await();
				for (int i = 0; i < 1000; i++) {
					seen.add(limiter.limit("v" + ((i * 8 + thread) % 200)));
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get();
		}
		executor.shutdown();
		assertThat(limiter.acceptedCount()).isEqualTo(50);
		assertThat(seen).hasSize(51).contains(LabelValueLimiter.OTHER);
		// 8,000 calls spread evenly over 200 values (40 each): the 50 admitted values
		// account for 2,000 calls, every other call folded.
		assertThat(folded()).isEqualTo(6000);
	}

	private double folded() {
		return this.registry.get(LabelValueLimiter.FOLDED_METER_NAME).counter().count();
	}

}
