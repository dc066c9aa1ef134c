package dev.aisd.observability.benchmarks.tracing;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import dev.aisd.observability.tracing.internal.SpanRingBuffer.Entry;
import dev.aisd.observability.tracing.internal.TraceRetention;

/**
 * Baseline for {@code SpanRingBufferBenchmark}: the record path of the span ring buffer
 * before it was striped. Every writer claims its sequence with one atomic increment of a
 * single padded cursor, so with two writers at once the cursor's cache line moves between
 * their CPUs on every record. It publishes the same {@link Entry} (stripe 0) and takes the
 * same retention decision as {@link SpanRingBuffer}, so the two differ only in the cursor
 * and the slots they write. Kept in the benchmarks module only, like the hand-written span
 * JSON writer.
 */
public final class SingleCursorSpanRing {

	private static final int PADDING = 16;

	private static final int SLOTS_PER_LINE = 16;

	private static final long SCAN_SLACK_NANOS = 50_000_000L;

	/** The cursor's index in {@link #cursor}: 128 bytes of unused longs on each side, as padding. */
	private static final int CURSOR = 16;

	private final int capacity;

	private final int mask;

	private final int lines;

	private final AtomicReferenceArray<Entry> slots;

	private final AtomicLongArray cursor = new AtomicLongArray(2 * CURSOR);

	private final TraceRetention retention;

	/**
	 * Create a ring keeping the newest {@code capacity} spans.
	 * @param capacity how many spans to keep
	 * @param retention the reservoirs, or {@code null}
	 */
	public SingleCursorSpanRing(int capacity, TraceRetention retention) {
		int size = (capacity == 1) ? 1 : Integer.highestOneBit(capacity - 1) << 1;
		this.capacity = capacity;
		this.mask = size - 1;
		this.lines = (size >= 2 * SLOTS_PER_LINE) ? size / SLOTS_PER_LINE : 0;
		this.slots = new AtomicReferenceArray<>(size + 2 * PADDING);
		this.retention = retention;
	}

	/**
	 * Return how many spans were ever recorded.
	 * @return the number of recorded spans
	 */
	public long recorded() {
		return this.cursor.get(CURSOR);
	}

	/**
	 * Record a finished span, overwriting the oldest when the ring is full.
	 * @param span the span
	 */
	public void record(SpanRecord span) {
		long sequence = this.cursor.getAndIncrement(CURSOR);
		int index = slot(sequence);
		Entry entry = new Entry(0, sequence, span);
		Entry previous = this.slots.getAndSet(index, entry);
		if (previous != null && previous.sequence() > sequence) {
			Entry current = this.slots.get(index);
			while (current == null || current.sequence() < previous.sequence()) {
				Entry witness = this.slots.compareAndExchange(index, current, previous);
				if (witness == current) {
					break;
				}
				current = witness;
			}
		}
		if (this.retention != null) {
			int decision = this.retention.decide(span);
			if (decision != TraceRetention.DISCARD) {
				this.retention.keep(decision, span, scan(entry, this.retention.settings().maxSpansPerTrace()));
			}
		}
	}

	private int slot(long sequence) {
		int ring = (int) (sequence & this.mask);
		if (this.lines != 0) {
			ring = (ring & (SLOTS_PER_LINE - 1)) * this.lines + (ring >>> 4);
		}
		return PADDING + ring;
	}

	/** The single ring's backward scan for a kept root's trace, as before striping. */
	private Entry[] scan(Entry root, int max) {
		String traceId = root.span().traceId();
		long stop = root.span().startEpochNanos() - SCAN_SLACK_NANOS;
		Entry[] found = new Entry[max];
		found[0] = root;
		int count = 1;
		long oldest = Math.max(0, this.cursor.get(CURSOR) - this.capacity);
		for (long sequence = root.sequence() - 1; sequence >= oldest && count < max; sequence--) {
			Entry entry = this.slots.getAcquire(slot(sequence));
			if (entry == null || entry.sequence() != sequence) {
				continue;
			}
			if (traceId.equals(entry.span().traceId())) {
				found[count++] = entry;
			}
			else if (entry.span().startEpochNanos() + entry.span().durationNanos() < stop) {
				break;
			}
		}
		return Arrays.copyOf(found, count);
	}

}
