package dev.aisd.observability.benchmarks.metrics;

import java.util.concurrent.TimeUnit;

import dev.aisd.observability.metrics.HttpRequestMetrics;
import dev.aisd.observability.web.CompletedRequest;
import io.micrometer.core.instrument.Counter;
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
 * Per-request cost of the HTTP metrics with a warm meter cache: {@code onCompleted} (route
 * lookup, label bounding, counter increment, histogram record) against the floor of
 * incrementing and recording two meters held in fields.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HttpRequestMetricsBenchmark {

	private static final String[] ROUTES = { "/api/items", "/api/items/{id}", "/api/login", "/api/search",
			"/health", "/metrics", "/observability/traces", "/wp-admin" };

	private PrometheusMeterRegistry registry;

	private HttpRequestMetrics metrics;

	private CompletedRequest[] requests;

	private Counter counter;

	private Timer timer;

	private int next;

	@Setup
	public void setUp() {
		this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.registry.config().commonTags("service", "benchmark");
		this.metrics = new HttpRequestMetrics(this.registry);
		String[] methods = { "GET", "POST" };
		int[] statuses = { 200, 404, 500, 429 };
		this.requests = new CompletedRequest[64];
		for (int i = 0; i < this.requests.length; i++) {
			// Fresh strings, as a server hands them over per request.
			String method = new String(methods[i % methods.length]);
			String route = (i % 16 == 15) ? null : ROUTES[i % ROUTES.length];
			this.requests[i] = new CompletedRequest(method, route, "/raw/" + i, statuses[i % statuses.length],
					1_000_000L + i * 37_000L, "127.0.0.1", "req-" + i, null, null, null);
		}
		for (CompletedRequest request : this.requests) {
			this.metrics.onCompleted(request);
		}
		this.counter = this.registry.counter("floor.requests", "method", "GET", "endpoint", "/x", "status_code", "200");
		this.timer = Timer.builder("floor.duration")
			.tags("method", "GET", "endpoint", "/x")
			.serviceLevelObjectives(HttpRequestMetrics.DEFAULT_BUCKETS.toArray(java.time.Duration[]::new))
			.register(this.registry);
	}

	@Benchmark
	public void onCompleted() {
		CompletedRequest request = this.requests[this.next++ & 63];
		this.metrics.onCompleted(request);
	}

	@Benchmark
	public void floorCounterAndTimerInFields() {
		CompletedRequest request = this.requests[this.next++ & 63];
		this.counter.increment();
		this.timer.record(request.durationNanos(), TimeUnit.NANOSECONDS);
	}

}
