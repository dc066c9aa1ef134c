package dev.aisd.observability.console.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

/**
 * Rate, errors and duration quantiles per route (RED), read from the registry's
 * {@code http_requests_total} counters and {@code http_request_duration_seconds}
 * histograms over a sliding window: each call compares the registry with a sample kept
 * from about one window ago, the way {@code rate()} and {@code histogram_quantile()} do in
 * Prometheus. Quantiles are interpolated linearly inside the histogram bucket that holds
 * them, so they are as coarse as the configured buckets. Samples are taken only when the
 * summary is asked for, at most one per {@code spacing}, so an unused console costs nothing.
 */
public final class RouteRedSummary {

	static final String REQUESTS = "http.requests";

	static final String DURATION = "http.request.duration";

	private final MeterRegistry registry;

	private final long windowNanos;

	private final long spacingNanos;

	private final long createdNanos;

	// Guarded by this: called by page polls only, a few times a minute.
	private final Deque<Sample> samples = new ArrayDeque<>();

	/**
	 * Creates the summary.
	 * @param registry the registry with the HTTP meters
	 * @param windowNanos the length of the window
	 * @param spacingNanos the least time between two kept samples
	 */
	public RouteRedSummary(MeterRegistry registry, long windowNanos, long spacingNanos) {
		this.registry = registry;
		this.windowNanos = windowNanos;
		this.spacingNanos = spacingNanos;
		this.createdNanos = registry.config().clock().monotonicTime();
	}

	/**
	 * Computes the summary of the window that ends now.
	 * @return one entry per route and method, the busiest first
	 */
	public synchronized List<Route> compute() {
		long now = this.registry.config().clock().monotonicTime();
		Sample current = sample(now);
		Sample last = this.samples.peekLast();
		if (last == null || now - last.nanos >= this.spacingNanos) {
			this.samples.addLast(current);
		}
		// Keep the newest sample that is at least a window old as the baseline.
		while (this.samples.size() > 1 && now - second().nanos >= this.windowNanos) {
			this.samples.removeFirst();
		}
		Sample oldest = this.samples.peekFirst();
		// Nothing older yet: the counts since the summary was created.
		Sample baseline = (oldest != current) ? oldest : new Sample(this.createdNanos, Map.of());
		double seconds = Math.max(now - baseline.nanos, 1) / 1e9;
		List<Route> routes = new ArrayList<>();
		current.counts.forEach((key, counts) -> {
			Counts before = baseline.counts.getOrDefault(key, Counts.ZERO);
			long requests = Math.max(0, counts.requests - before.requests);
			long errors = Math.max(0, counts.errors - before.errors);
			long[] buckets = counts.minus(before);
			routes.add(new Route(key.method(), key.route(), requests / seconds, requests, errors, seconds,
					quantile(0.5, counts.bounds, buckets, requests), quantile(0.95, counts.bounds, buckets, requests),
					quantile(0.99, counts.bounds, buckets, requests)));
		});
		routes.sort(Comparator.comparingDouble(Route::ratePerSecond).reversed()
			.thenComparing(Route::route)
			.thenComparing(Route::method));
		return routes;
	}

	private Sample second() {
		Iterator<Sample> iterator = this.samples.iterator();
		iterator.next();
		return iterator.next();
	}

	private Sample sample(long nanos) {
		Map<Key, Counts> counts = new HashMap<>();
		for (Timer timer : this.registry.find(DURATION).timers()) {
			Key key = Key.of(timer.getId().getTag("method"), timer.getId().getTag("endpoint"));
			HistogramSnapshot snapshot = timer.takeSnapshot();
			CountAtBucket[] histogram = snapshot.histogramCounts();
			double[] bounds = new double[histogram.length];
			long[] cumulative = new long[histogram.length];
			for (int i = 0; i < histogram.length; i++) {
				bounds[i] = histogram[i].bucket(TimeUnit.SECONDS);
				cumulative[i] = (long) histogram[i].count();
			}
			counts.put(key, new Counts(timer.count(), 0, bounds, cumulative));
		}
		for (Counter counter : this.registry.find(REQUESTS).counters()) {
			String status = counter.getId().getTag("status_code");
			if (status == null || !status.startsWith("5")) {
				continue;
			}
			Key key = Key.of(counter.getId().getTag("method"), counter.getId().getTag("endpoint"));
			Counts entry = counts.get(key);
			if (entry != null) {
				counts.put(key, entry.withErrors(entry.errors + (long) counter.count()));
			}
		}
		return new Sample(nanos, counts);
	}

	/**
	 * Interpolates a quantile from cumulative bucket counts, as Prometheus'
	 * {@code histogram_quantile} does.
	 * @param quantile the quantile, 0 to 1
	 * @param bounds the upper bounds of the buckets, ascending
	 * @param cumulative the number of observations at or below each bound
	 * @param total the number of observations
	 * @return the quantile, {@code null} without observations
	 */
	static Double quantile(double quantile, double[] bounds, long[] cumulative, long total) {
		if (total <= 0 || bounds.length == 0) {
			return null;
		}
		double rank = quantile * total;
		for (int i = 0; i < bounds.length; i++) {
			if (cumulative[i] >= rank && cumulative[i] > 0) {
				double lower = (i == 0) ? 0 : bounds[i - 1];
				long below = (i == 0) ? 0 : cumulative[i - 1];
				long inBucket = cumulative[i] - below;
				return lower + (bounds[i] - lower) * ((rank - below) / inBucket);
			}
		}
		// Beyond the largest finite bucket: its bound is the best lower estimate.
		return bounds[bounds.length - 1];
	}

	/**
	 * The RED numbers of one route and method over the window.
	 *
	 * @param method the HTTP method
	 * @param route the route template
	 * @param ratePerSecond requests per second
	 * @param requests requests in the window
	 * @param errors requests answered with a 5xx status in the window
	 * @param windowSeconds the length of the window
	 * @param p50Seconds the median duration, {@code null} without requests
	 * @param p95Seconds the 95th percentile, {@code null} without requests
	 * @param p99Seconds the 99th percentile, {@code null} without requests
	 */
	public record Route(String method, String route, double ratePerSecond, long requests, long errors,
			double windowSeconds, Double p50Seconds, Double p95Seconds, Double p99Seconds) {
	}

	private record Key(String method, String route) {

		static Key of(String method, String route) {
			return new Key((method != null) ? method : "", (route != null) ? route : "");
		}

	}

	private record Counts(long requests, long errors, double[] bounds, long[] cumulative) {

		static final Counts ZERO = new Counts(0, 0, new double[0], new long[0]);

		Counts withErrors(long errors) {
			return new Counts(this.requests, errors, this.bounds, this.cumulative);
		}

		long[] minus(Counts before) {
			long[] delta = this.cumulative.clone();
			if (before.cumulative.length == delta.length) {
				for (int i = 0; i < delta.length; i++) {
					// A registry whose histograms decay could go below the baseline.
					delta[i] = Math.max(0, delta[i] - before.cumulative[i]);
				}
			}
			return delta;
		}

	}

	private record Sample(long nanos, Map<Key, Counts> counts) {
	}

}
