package dev.aisd.observability.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollingMeanTimesConcurrencyTests {

	@Test
	void addWhenWritersAndReadersRaceThenMeansStayWithinTheRecordedValues() throws Exception {
		RollingMeanTimes window = new RollingMeanTimes(new MockClock(), 64, TimeUnit.HOURS.toNanos(1));
		ExecutorService executor = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			futures.add(executor.submit(() -> {
				start.await();
				for (int i = 0; i < 50_000; i++) {
					window.add(10 + (i % 11), 100, Double.NaN);
				}
				return null;
			}));
		}
		List<Double> seen = new ArrayList<>();
		futures.add(executor.submit(() -> {
			start.await();
			for (int i = 0; i < 50_000; i++) {
				double mean = window.meanTimeToDetect();
				if (!Double.isNaN(mean) && (mean < 10 || mean > 20)) {
					seen.add(mean);
				}
				// Read once: two reads race with the first write (NaN, then 100).
				double respond = window.meanTimeToRespond();
				if (respond != 100 && !Double.isNaN(respond)) {
					seen.add(-1.0);
				}
			}
			return null;
		}));
		start.countDown();
		for (Future<?> future : futures) {
			future.get(60, TimeUnit.SECONDS);
		}
		executor.shutdown();
		assertThat(seen).isEmpty();
		assertThat(window.meanTimeToRespond()).isEqualTo(100);
		assertThat(window.meanTimeToRemediate()).isNaN();
	}

}
