package dev.aisd.observability.tracing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * Bounded, lock-free buffer of the newest finished spans, modelled on the LMAX Disruptor
 * ring buffer: writers claim a sequence with one atomic increment and publish an
 * immutable entry into slot {@code sequence & mask} with release semantics; the oldest
 * span is overwritten. Readers never block writers and get a consistent snapshot: every
 * span intact, none twice, oldest first.
 */
public final class SpanRingBuffer {

	/** Largest capacity accepted. */
	public static final int MAX_CAPACITY = 1 << 20;

	private final int capacity;

	private final int mask;

	private final AtomicReferenceArray<Entry> slots;

	/** Next sequence to claim; also the number of spans ever recorded. */
	private final AtomicLong cursor = new AtomicLong();

	/**
	 * Create a buffer keeping the newest {@code capacity} spans. Internally the ring has
	 * the next power of two of slots, so indexing is a mask.
	 * @param capacity how many spans to keep, from 1 to {@value #MAX_CAPACITY}
	 */
	public SpanRingBuffer(int capacity) {
		if (capacity < 1 || capacity > MAX_CAPACITY) {
			throw new IllegalArgumentException(
					"Span history capacity must be between 1 and " + MAX_CAPACITY + " but was " + capacity);
		}
		int size = (capacity == 1) ? 1 : Integer.highestOneBit(capacity - 1) << 1;
		this.capacity = capacity;
		this.mask = size - 1;
		this.slots = new AtomicReferenceArray<>(size);
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
		return this.slots.length();
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
		int index = (int) (sequence & this.mask);
		Entry entry = new Entry(sequence, span);
		Entry current = this.slots.get(index);
		// A writer that was descheduled between claiming and publishing must not replace
		// a newer span that wrapped around into the same slot: the slot only moves forward.
		while (current == null || current.sequence < sequence) {
			Entry witness = this.slots.compareAndExchangeRelease(index, current, entry);
			if (witness == current) {
				return;
			}
			current = witness;
		}
	}

	/**
	 * Return the newest {@code limit} spans that match a filter, oldest first.
	 * @param limit the maximum number of spans, capped at the capacity
	 * @param filter the filter
	 * @return the spans, oldest first
	 */
	public List<SpanRecord> snapshot(int limit, Predicate<SpanRecord> filter) {
		int max = Math.min(limit, this.capacity);
		if (max <= 0) {
			return Collections.emptyList();
		}
		long end = this.cursor.get();
		long start = Math.max(0, end - this.capacity);
		SpanRecord[] found = new SpanRecord[max];
		int count = 0;
		// Newest first, so the limit keeps the newest; an entry whose sequence is not the
		// one expected is either still being published or already overwritten: skipped,
		// which is what keeps the snapshot free of duplicates.
		for (long sequence = end - 1; sequence >= start && count < max; sequence--) {
			Entry entry = this.slots.getAcquire((int) (sequence & this.mask));
			if (entry != null && entry.sequence == sequence && filter.test(entry.span)) {
				found[count++] = entry.span;
			}
		}
		List<SpanRecord> result = new ArrayList<>(count);
		for (int i = count - 1; i >= 0; i--) {
			result.add(found[i]);
		}
		return result;
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
			Entry entry = this.slots.getAcquire((int) (sequence & this.mask));
			if (entry != null && entry.sequence == sequence) {
				result.add(entry);
			}
		}
		return result;
	}

	@Override
	public String toString() {
		return "SpanRingBuffer[capacity=" + this.capacity + ", slots=" + this.slots.length() + ", recorded="
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
