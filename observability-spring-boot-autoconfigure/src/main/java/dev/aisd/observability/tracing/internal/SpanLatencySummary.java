package dev.aisd.observability.tracing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The spans of the buffer counted per name and latency bucket, in the manner of the
 * OpenTelemetry zPages: nine buckets starting at 0, 10 µs, 100 µs, 1 ms, 10 ms, 100 ms,
 * 1 s, 10 s and 1 min, plus the number of spans that ended in error. Computed from a
 * snapshot when asked for (nothing is added to the recording path).
 *
 * @param recorded how many spans the buffer had recorded when the snapshot was taken
 * @param rows one row per span name, sorted by name
 */
public record SpanLatencySummary(long recorded, List<Row> rows) {

	/** Lower bounds of the buckets, in nanoseconds. */
	private static final long[] LOWER_BOUNDS_NANOS = { 0, TimeUnit.MICROSECONDS.toNanos(10),
			TimeUnit.MICROSECONDS.toNanos(100), TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(10),
			TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(10),
			TimeUnit.MINUTES.toNanos(1) };

	/** Labels of the buckets, by lower bound. */
	private static final List<String> LABELS = List.of("0", "10µs", "100µs", "1ms", "10ms", "100ms", "1s", "10s",
			"1m");

	/** Number of latency buckets. */
	public static final int BUCKETS = LOWER_BOUNDS_NANOS.length;

	/**
	 * Creates a summary.
	 * @param recorded how many spans the buffer had recorded
	 * @param rows the rows
	 */
	public SpanLatencySummary {
		rows = List.copyOf(rows);
	}

	/**
	 * Summarises the spans of a buffer.
	 * @param buffer the buffer
	 * @return the summary
	 */
	public static SpanLatencySummary of(SpanRingBuffer buffer) {
		// Read the count first: a span recorded during the scan makes the next poll's
		// summary differ, never one that claims to include a span it missed.
		long recorded = buffer.recorded();
		return of(recorded, buffer.snapshot(Integer.MAX_VALUE, (span) -> true));
	}

	/**
	 * Summarises spans.
	 * @param recorded how many spans the buffer had recorded
	 * @param spans the spans
	 * @return the summary
	 */
	public static SpanLatencySummary of(long recorded, List<SpanRecord> spans) {
		Map<String, long[]> counts = new TreeMap<>();
		for (SpanRecord span : spans) {
			// Slots 0..BUCKETS-1 count per bucket, the last one counts errors.
			long[] row = counts.computeIfAbsent(span.name(), (name) -> new long[BUCKETS + 1]);
			row[bucket(span.durationNanos())]++;
			if (SpanRecord.STATUS_ERROR.equals(span.status())) {
				row[BUCKETS]++;
			}
		}
		List<Row> rows = new ArrayList<>(counts.size());
		counts.forEach((name, row) -> {
			List<Long> buckets = new ArrayList<>(BUCKETS);
			for (int i = 0; i < BUCKETS; i++) {
				buckets.add(row[i]);
			}
			rows.add(new Row(name, Collections.unmodifiableList(buckets), row[BUCKETS]));
		});
		return new SpanLatencySummary(recorded, rows);
	}

	/**
	 * Returns the bucket of a duration.
	 * @param durationNanos the duration in nanoseconds (negative counts as 0)
	 * @return the index of its bucket, 0 to {@link #BUCKETS} - 1
	 */
	public static int bucket(long durationNanos) {
		for (int i = BUCKETS - 1; i > 0; i--) {
			if (durationNanos >= LOWER_BOUNDS_NANOS[i]) {
				return i;
			}
		}
		return 0;
	}

	/**
	 * Returns whether a duration falls into a bucket.
	 * @param durationNanos the duration in nanoseconds
	 * @param bucket the bucket index
	 * @return whether it does
	 */
	public static boolean inBucket(long durationNanos, int bucket) {
		return bucket(durationNanos) == bucket;
	}

	/**
	 * Returns the labels of the buckets (their lower bounds).
	 * @return the labels, in bucket order
	 */
	public static List<String> labels() {
		return LABELS;
	}

	/**
	 * Returns the lower bound of a bucket.
	 * @param bucket the bucket index
	 * @return the lower bound in nanoseconds
	 */
	public static long lowerBoundNanos(int bucket) {
		return LOWER_BOUNDS_NANOS[bucket];
	}

	/**
	 * The spans of one name.
	 *
	 * @param name the span name
	 * @param counts the number of spans per bucket, {@link #BUCKETS} entries
	 * @param errors how many of them ended in error
	 */
	public record Row(String name, List<Long> counts, long errors) {

		/**
		 * Returns the number of spans of this name.
		 * @return the sum of the counts
		 */
		public long total() {
			long total = 0;
			for (long count : this.counts) {
				total += count;
			}
			return total;
		}

	}

}
