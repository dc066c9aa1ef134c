package dev.aisd.observability.metrics;

import java.time.Duration;
import java.util.List;

import dev.aisd.observability.labels.LabelValueLimiter;
import dev.aisd.observability.web.CompletedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HttpRequestMetrics}.
 */
class HttpRequestMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final HttpRequestMetrics metrics = new HttpRequestMetrics(this.registry, HttpRequestMetrics.DEFAULT_BUCKETS,
			3);

	@Test
	void onCompletedWhenRouteMatchedThenCountsAndTimesUnderTheTemplate() {
		this.metrics.onCompleted(request("GET", "/items/{id}", 200, 3_000_000));
		this.metrics.onCompleted(request("GET", "/items/{id}", 200, 5_000_000));
		assertThat(counter("GET", "/items/{id}", "200").count()).isEqualTo(2);
		Timer timer = this.registry.get(HttpRequestMetrics.DURATION_METER_NAME)
			.tags("method", "GET", "endpoint", "/items/{id}")
			.timer();
		assertThat(timer.count()).isEqualTo(2);
		assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(8);
		assertThat(timer.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
			.containsExactlyInAnyOrder("method", "endpoint");
	}

	@Test
	void onCompletedWhenNoRouteThenEndpointIsUnmatched() {
		this.metrics.onCompleted(request("GET", null, 404, 1));
		this.metrics.onCompleted(request("GET", "/**", 404, 1));
		assertThat(counter("GET", "UNMATCHED", "404").count()).isEqualTo(2);
	}

	@Test
	void onCompletedWhenCatchAllRouteServesAResourceThenKeepsTheRoute() {
		this.metrics.onCompleted(request("GET", "/**", 200, 1));
		assertThat(counter("GET", "/**", "200").count()).isEqualTo(1);
	}

	@Test
	void onCompletedWhenMethodIsNotStandardThenMethodIsOther() {
		for (String method : List.of("PROPFIND", "get", "Get", "FOO", "M".repeat(100), "", "GET ")) {
			this.metrics.onCompleted(request(method, "/any", 200, 1));
		}
		this.metrics.onCompleted(request(null, "/any", 200, 1));
		assertThat(counter("OTHER", "/any", "200").count()).isEqualTo(8);
		assertThat(labelValues("method")).containsExactly("OTHER");
	}

	@Test
	void onCompletedWhenEveryStandardMethodThenEachKeepsItsName() {
		List<String> methods = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");
		methods.forEach((method) -> this.metrics.onCompleted(request(method, "/any", 200, 1)));
		assertThat(labelValues("method")).containsExactlyInAnyOrderElementsOf(methods);
	}

	@Test
	void onCompletedWhenStatusIsOutOfRangeThenStatusIsOther() {
		for (int status : new int[] { 0, -1, 99, 600, 999, 1000, Integer.MAX_VALUE }) {
			this.metrics.onCompleted(request("GET", "/any", status, 1));
		}
		this.metrics.onCompleted(request("GET", "/any", 100, 1));
		this.metrics.onCompleted(request("GET", "/any", 599, 1));
		assertThat(counter("GET", "/any", "OTHER").count()).isEqualTo(7);
		assertThat(labelValues("status_code")).containsExactlyInAnyOrder("OTHER", "100", "599");
	}

	@Test
	void onCompletedWhenMoreRoutesThanTheBoundThenFoldsIntoOtherAndCountsFolds() {
		for (int i = 0; i < 10; i++) {
			this.metrics.onCompleted(request("GET", "/route/" + i, 200, 1));
		}
		this.metrics.onCompleted(request("GET", "/route/0", 200, 1));
		assertThat(labelValues("endpoint")).containsExactlyInAnyOrder("/route/0", "/route/1", "/route/2", "other");
		assertThat(counter("GET", "other", "200").count()).isEqualTo(7);
		assertThat(counter("GET", "/route/0", "200").count()).isEqualTo(2);
		assertThat(this.registry.get(LabelValueLimiter.FOLDED_METER_NAME)
			.tags("metric", "http_requests_total", "label", "endpoint")
			.counter()
			.count()).isEqualTo(7);
	}

	@Test
	void onCompletedWhenSameCombinationRepeatsThenRegistersNoNewMeter() {
		this.metrics.onCompleted(request("GET", "/items/{id}", 200, 1));
		int meters = this.registry.getMeters().size();
		for (int i = 0; i < 1000; i++) {
			this.metrics.onCompleted(request("GET", "/items/{id}", 200, 1));
		}
		assertThat(this.registry.getMeters()).hasSize(meters);
	}

	@Test
	void onCompletedWhenRecordedConcurrentlyThenLosesNoCount() throws InterruptedException {
		Thread[] threads = new Thread[4];
		for (int t = 0; t < threads.length; t++) {
			int thread = t;
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 5000; i++) {
					this.metrics.onCompleted(request("GET", "/items/{id}", 200 + (i % 5), 1));
					this.metrics.onCompleted(request("POST", "/t" + (thread % 2), 201, 1));
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double total = this.registry.find(HttpRequestMetrics.REQUESTS_METER_NAME)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
		assertThat(total).isEqualTo(40_000);
		assertThat(counter("GET", "/items/{id}", "200").count()).isEqualTo(4000);
	}

	@Test
	void createWhenBucketsEmptyOrNotPositiveThenFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HttpRequestMetrics(this.registry, List.of(), 10))
			.withMessageContaining("buckets must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpRequestMetrics(this.registry, List.of(Duration.ZERO), 10))
			.withMessageContaining("buckets must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new HttpRequestMetrics(this.registry, HttpRequestMetrics.DEFAULT_BUCKETS, 0))
			.withMessageContaining("maxValues must be at least 1");
	}

	private Counter counter(String method, String endpoint, String status) {
		return this.registry.get(HttpRequestMetrics.REQUESTS_METER_NAME)
			.tags("method", method, "endpoint", endpoint, "status_code", status)
			.counter();
	}

	private List<String> labelValues(String tag) {
		return this.registry.find(HttpRequestMetrics.REQUESTS_METER_NAME)
			.meters()
			.stream()
			.map(Meter::getId)
			.map((id) -> id.getTag(tag))
			.distinct()
			.toList();
	}

	private static CompletedRequest request(String method, String route, int status, long nanos) {
		return new CompletedRequest(method, route, "/raw", status, nanos, "127.0.0.1", null, null, null, null);
	}

}
