package dev.aisd.observability.metrics.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The request counters and timers of one {@code endpoint} label value, registered on first
 * use and kept: after warm-up, recording reads one array slot for the timer and
 * binary-searches a small immutable table for the counter, allocation-free and lock-free.
 */
public final class EndpointMeters {

	private static final int STATUS_SLOTS = 1000;

	private final MeterRegistry registry;

	private final String requestsName;

	private final String durationName;

	private final String endpoint;

	private final Duration[] buckets;

	private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(HttpLabels.METHOD_COUNT);

	/** Copied on write under this object's lock; readers see a complete table. */
	private volatile CounterTable counters = CounterTable.EMPTY;

	/**
	 * Create the meters of one endpoint; nothing is registered until a request is recorded.
	 * @param registry the registry to register into
	 * @param requestsName the name of the request counter
	 * @param durationName the name of the request timer
	 * @param endpoint the value of the endpoint label
	 * @param buckets the upper bounds of the duration buckets
	 */
	public EndpointMeters(MeterRegistry registry, String requestsName, String durationName, String endpoint,
			Duration[] buckets) {
		this.registry = registry;
		this.requestsName = requestsName;
		this.durationName = durationName;
		this.endpoint = endpoint;
		this.buckets = buckets;
	}

	/**
	 * Record one request.
	 * @param method the method as the client sent it
	 * @param status the response status
	 * @param durationNanos the duration
	 */
	public void record(String method, int status, long durationNanos) {
		int methodIndex = HttpLabels.methodIndex(method);
		int key = methodIndex * STATUS_SLOTS + HttpLabels.statusIndex(status);
		Counter counter = this.counters.find(key);
		if (counter == null) {
			counter = registerCounter(key);
		}
		counter.increment();
		Timer timer = this.timers.get(methodIndex);
		if (timer == null) {
			timer = registerTimer(methodIndex);
		}
		timer.record(durationNanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Return the value of the endpoint label.
	 * @return the endpoint
	 */
	public String endpoint() {
		return this.endpoint;
	}

	private synchronized Counter registerCounter(int key) {
		CounterTable table = this.counters;
		Counter counter = table.find(key);
		if (counter == null) {
			counter = Counter.builder(this.requestsName)
				.description("HTTP server requests")
				.tags("method", HttpLabels.method(key / STATUS_SLOTS), "endpoint", this.endpoint, "status_code",
						HttpLabels.status(key % STATUS_SLOTS))
				.register(this.registry);
			this.counters = table.with(key, counter);
		}
		return counter;
	}

	private Timer registerTimer(int methodIndex) {
		// Registering twice is harmless: the registry returns the meter it already holds.
		Timer timer = Timer.builder(this.durationName)
			.description("HTTP server request duration")
			.tags("method", HttpLabels.method(methodIndex), "endpoint", this.endpoint)
			.serviceLevelObjectives(this.buckets)
			.register(this.registry);
		this.timers.set(methodIndex, timer);
		return timer;
	}

	/**
	 * An immutable table of counters sorted by key.
	 */
	private static final class CounterTable {

		static final CounterTable EMPTY = new CounterTable(new int[0], new Counter[0]);

		private final int[] keys;

		private final Counter[] counters;

		private CounterTable(int[] keys, Counter[] counters) {
			this.keys = keys;
			this.counters = counters;
		}

		Counter find(int key) {
			int index = Arrays.binarySearch(this.keys, key);
			return (index >= 0) ? this.counters[index] : null;
		}

		CounterTable with(int key, Counter counter) {
			int insertion = -Arrays.binarySearch(this.keys, key) - 1;
			int[] keys = new int[this.keys.length + 1];
			Counter[] counters = new Counter[keys.length];
			System.arraycopy(this.keys, 0, keys, 0, insertion);
			System.arraycopy(this.counters, 0, counters, 0, insertion);
			keys[insertion] = key;
			counters[insertion] = counter;
			System.arraycopy(this.keys, insertion, keys, insertion + 1, this.keys.length - insertion);
			System.arraycopy(this.counters, insertion, counters, insertion + 1, this.keys.length - insertion);
			return new CounterTable(keys, counters);
		}

	}

}
