package dev.aisd.observability.tracing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * Bounded, lock-free buffer of the newest finished spans, modelled on the LMAX Disruptor
 * ring buffer: writers claim a sequence with one atomic increment of a padded counter and
 * publish an immutable entry into slot {@code sequence & mask} with one atomic exchange;
 * the oldest span is overwritten. Readers never block writers and get a consistent snapshot: every
 * span intact, none twice, oldest first.
 * <p>
 * With a {@link TraceRetention}, {@link #record(SpanRecord)} also hands every published span
 * to it, which keeps whole error and slow traces beyond the ring, and {@link #snapshot}
 * merges what the ring and the reservoirs hold.
 */
public final class SpanRingBuffer {

	/** Largest capacity accepted. */
	public static final int MAX_CAPACITY = 1 << 20;

	/** Unused slots before and after the ring, so the array header's line stays clean. */
	private static final int PADDING = 16;

	/** Slots per 64-byte cache line, counting 4-byte (compressed) references. */
	private static final int SLOTS_PER_LINE = 16;

	private final int capacity;

	private final int size;

	private final int mask;

	/** Number of cache lines of the ring, when consecutive sequences are spread. */
	private final int lines;

	private final AtomicReferenceArray<Entry> slots;

	/** Next sequence to claim; also the number of spans ever recorded. */
	private final PaddedSequence cursor = new PaddedSequence();

	/** Reservoirs of error and slow traces, or {@code null}. */
	private final TraceRetention retention;

	/**
	 * Create a buffer keeping the newest {@code capacity} spans. Internally the ring has
	 * the next power of two of slots, so indexing is a mask.
	 * @param capacity how many spans to keep, from 1 to {@value #MAX_CAPACITY}
	 */
	public SpanRingBuffer(int capacity) {
		this(capacity, null);
	}

	/**
	 * Create a buffer keeping the newest {@code capacity} spans and, in {@code retention},
	 * whole traces that ended in error or were slow.
	 * @param capacity how many spans to keep, from 1 to {@value #MAX_CAPACITY}
	 * @param retention the reservoirs, or {@code null} to keep only the newest spans
	 */
	public SpanRingBuffer(int capacity, TraceRetention retention) {
		if (capacity < 1 || capacity > MAX_CAPACITY) {
			throw new IllegalArgumentException(
					"Span history capacity must be between 1 and " + MAX_CAPACITY + " but was " + capacity);
		}
		int size = (capacity == 1) ? 1 : Integer.highestOneBit(capacity - 1) << 1;
		this.capacity = capacity;
		this.size = size;
		this.mask = size - 1;
		this.lines = (size >= 2 * SLOTS_PER_LINE) ? size / SLOTS_PER_LINE : 0;
		this.slots = new AtomicReferenceArray<>(size + 2 * PADDING);
		this.retention = retention;
	}

	/**
	 * Return the reservoirs of error and slow traces.
	 * @return the retention, or {@code null}
	 */
	public TraceRetention retention() {
		return this.retention;
	}

	/**
	 * Return how many spans the buffer keeps.
	 * @return the capacity
	 */
	public int capacity() {
		return this.capacity;
	}

	/**
	 * Return the number of slots of the ring (the capacity rounded up to a power of two).
	 * @return the number of slots
	 */
	public int slots() {
		return this.size;
	}

	/**
	 * Return the array index of a sequence: {@code sequence & mask}, transposed so that
	 * consecutive sequences (two writers at once) land on different cache lines.
	 * @param sequence the sequence
	 * @return the index in the slot array
	 */
	private int index(long sequence) {
		int ring = (int) (sequence & this.mask);
		if (this.lines != 0) {
			ring = (ring & (SLOTS_PER_LINE - 1)) * this.lines + (ring >>> 4);
		}
		return PADDING + ring;
	}

	/**
	 * Return how many spans were ever recorded.
	 * @return the number of recorded spans
	 */
	public long recorded() {
		return this.cursor.get();
	}

	/**
	 * Record a finished span, overwriting the oldest when the buffer is full.
	 * @param span the span
	 */
	public void record(SpanRecord span) {
		long sequence = this.cursor.getAndIncrement();
		int index = index(sequence);
		// One atomic exchange publishes the entry (no read-then-CAS: one cache-line
		// transfer instead of two). Readers check the sequence of what they read, so an
		// entry seen in the wrong place is skipped, never shown twice.
		Entry entry = new Entry(sequence, span);
		Entry previous = this.slots.getAndSet(index, entry);
		if (previous != null && previous.sequence > sequence) {
			// This writer was descheduled between claiming and publishing and replaced a
			// newer span that wrapped into the same slot: put the newest back, the slot
			// only moves forward.
			restore(index, previous);
		}
		if (this.retention != null) {
			// After publication, so that a local root's scan for its trace sees the root's
			// children (they were published before it ended).
			this.retention.recorded(this, entry);
		}
	}

	/**
	 * Return the entry of a sequence if the ring still holds it.
	 * @param sequence the sequence
	 * @return the entry, or {@code null} when not published yet or overwritten
	 */
	Entry entry(long sequence) {
		Entry entry = this.slots.getAcquire(index(sequence));
		return (entry != null && entry.sequence == sequence) ? entry : null;
	}

	private void restore(int index, Entry newer) {
		Entry current = this.slots.get(index);
		while (current == null || current.sequence < newer.sequence) {
			Entry witness = this.slots.compareAndExchange(index, current, newer);
			if (witness == current) {
				return;
			}
			current = witness;
		}
	}

	/**
	 * Return the newest {@code limit} spans that match a filter, oldest first: from the
	 * ring and, with a retention, from its reservoirs, each span once.
	 * @param limit the maximum number of spans, capped at the capacity (ring plus
	 * reservoirs)
	 * @param filter the filter
	 * @return the spans, oldest first
	 */
	public List<SpanRecord> snapshot(int limit, Predicate<SpanRecord> filter) {
		int max = Math.min(limit, this.capacity + ((this.retention != null) ? this.retention.spanCapacity() : 0));
		if (max <= 0) {
			return Collections.emptyList();
		}
		long end = this.cursor.get();
		long start = Math.max(0, end - this.capacity);
		int ringMax = Math.min(max, this.capacity);
		Entry[] found = new Entry[ringMax];
		int count = 0;
		// Newest first, so the limit keeps the newest; an entry whose sequence is not the
		// one expected is either still being published or already overwritten: skipped,
		// which is what keeps the snapshot free of duplicates.
		for (long sequence = end - 1; sequence >= start && count < ringMax; sequence--) {
			Entry entry = this.slots.getAcquire(index(sequence));
			if (entry != null && entry.sequence == sequence && filter.test(entry.span)) {
				found[count++] = entry;
			}
		}
		if (this.retention == null) {
			List<SpanRecord> result = new ArrayList<>(count);
			for (int i = count - 1; i >= 0; i--) {
				result.add(found[i].span);
			}
			return result;
		}
		return merge(found, count, max, filter);
	}

	/**
	 * Merge the ring's matches with the reservoirs' by sequence (a span's identity: the
	 * same span may sit in the ring and in two reservoirs), keeping the newest {@code max}.
	 */
	private List<SpanRecord> merge(Entry[] ring, int ringCount, int max, Predicate<SpanRecord> filter) {
		List<Entry> retained = new ArrayList<>();
		this.retention.collectInto(retained);
		List<Entry> all = new ArrayList<>(ringCount + retained.size());
		for (int i = 0; i < ringCount; i++) {
			all.add(ring[i]);
		}
		for (Entry entry : retained) {
			if (filter.test(entry.span)) {
				all.add(entry);
			}
		}
		all.sort((a, b) -> Long.compare(b.sequence, a.sequence));
		List<SpanRecord> newestFirst = new ArrayList<>(Math.min(max, all.size()));
		long previous = -1;
		for (Entry entry : all) {
			if (newestFirst.size() >= max) {
				break;
			}
			if (entry.sequence != previous) {
				newestFirst.add(entry.span);
				previous = entry.sequence;
			}
		}
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	/**
	 * Return every span of the buffer with its sequence, oldest first.
	 * @return the entries
	 */
	public List<Entry> entries() {
		long end = this.cursor.get();
		long start = Math.max(0, end - this.capacity);
		List<Entry> result = new ArrayList<>((int) (end - start));
		for (long sequence = start; sequence < end; sequence++) {
			Entry entry = this.slots.getAcquire(index(sequence));
			if (entry != null && entry.sequence == sequence) {
				result.add(entry);
			}
		}
		return result;
	}

	@Override
	public String toString() {
		return "SpanRingBuffer[capacity=" + this.capacity + ", slots=" + this.size + ", recorded="
				+ this.cursor.get() + "]";
	}

	/**
	 * A published slot: the span and the sequence it was recorded with.
	 *
	 * @param sequence the sequence
	 * @param span the span
	 */
	public record Entry(long sequence, SpanRecord span) {

	}

}
