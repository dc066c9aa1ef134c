package dev.aisd.observability.console.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.CountingMode;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RouteRedSummaryTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(new SimpleConfig() {

		@Override
		public String get(String key) {
			return null;
		}

		@Override
		public CountingMode mode() {
			return CountingMode.CUMULATIVE;
		}

	}, this.clock);

	private final RouteRedSummary summary = new RouteRedSummary(this.registry, TimeUnit.SECONDS.toNanos(60),
			TimeUnit.SECONDS.toNanos(2));

	@Test
	void computeWhenNoRequestsThenEmpty() {
		assertThat(this.summary.compute()).isEmpty();
	}

	@Test
	void computeWhenRequestsThenRateErrorsAndQuantilesOverTheWindow() {
		this.summary.compute();
		this.clock.add(Duration.ofSeconds(10));
		for (int i = 0; i < 90; i++) {
			record("GET", "/items/{id}", 200, Duration.ofMillis(3));
		}
		for (int i = 0; i < 10; i++) {
			record("GET", "/items/{id}", 503, Duration.ofMillis(300));
		}
		RouteRedSummary.Route route = this.summary.compute().get(0);
		assertThat(route.route()).isEqualTo("/items/{id}");
		assertThat(route.method()).isEqualTo("GET");
		assertThat(route.requests()).isEqualTo(100);
		assertThat(route.errors()).isEqualTo(10);
		assertThat(route.windowSeconds()).isCloseTo(10, within(0.001));
		assertThat(route.ratePerSecond()).isCloseTo(10, within(0.001));
		// 90 in the (0.001, 0.005] bucket: the median interpolates inside it.
		assertThat(route.p50Seconds()).isCloseTo(0.001 + 0.004 * (50.0 / 90), within(1e-9));
		// The 95th and 99th fall into the (0.25, 0.5] bucket that holds the ten slow ones.
		assertThat(route.p95Seconds()).isCloseTo(0.25 + 0.25 * (5.0 / 10), within(1e-9));
		assertThat(route.p99Seconds()).isCloseTo(0.25 + 0.25 * (9.0 / 10), within(1e-9));
	}

	@Test
	void computeWhenWindowPassesThenOnlyRecentRequestsCount() {
		record("GET", "/a", 200, Duration.ofMillis(3));
		this.summary.compute();
		for (int i = 0; i < 40; i++) {
			this.clock.add(Duration.ofSeconds(5));
			this.summary.compute();
		}
		record("GET", "/a", 200, Duration.ofMillis(3));
		this.clock.add(Duration.ofSeconds(5));
		RouteRedSummary.Route route = this.summary.compute().get(0);
		assertThat(route.requests()).isEqualTo(1);
		assertThat(route.windowSeconds()).isBetween(60.0, 65.0);
	}

	@Test
	void computeWhenSeveralRoutesThenBusiestFirst() {
		record("GET", "/quiet", 200, Duration.ofMillis(1));
		for (int i = 0; i < 5; i++) {
			record("POST", "/busy", 201, Duration.ofMillis(1));
		}
		this.clock.add(Duration.ofSeconds(1));
		List<RouteRedSummary.Route> routes = this.summary.compute();
		assertThat(routes).extracting(RouteRedSummary.Route::route).containsExactly("/busy", "/quiet");
	}

	@Test
	void quantileWhenBeyondLastBucketThenLastBound() {
		assertThat(RouteRedSummary.quantile(0.99, new double[] { 0.1, 1 }, new long[] { 1, 2 }, 10)).isEqualTo(1);
	}

	@Test
	void quantileWhenNoObservationsThenNull() {
		assertThat(RouteRedSummary.quantile(0.5, new double[] { 0.1 }, new long[] { 0 }, 0)).isNull();
	}

	private void record(String method, String route, int status, Duration duration) {
		Counter.builder(RouteRedSummary.REQUESTS)
			.tags("method", method, "endpoint", route, "status_code", Integer.toString(status))
			.register(this.registry)
			.increment();
		Timer.builder(RouteRedSummary.DURATION)
			.tags("method", method, "endpoint", route)
			.serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25),
					Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
			// Cumulative buckets, as the Prometheus registry keeps them.
			.distributionStatisticExpiry(Duration.ofDays(1))
			.distributionStatisticBufferLength(1)
			.register(this.registry)
			.record(duration);
	}

}
