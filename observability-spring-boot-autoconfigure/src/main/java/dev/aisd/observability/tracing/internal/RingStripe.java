package dev.aisd.observability.tracing.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

import dev.aisd.observability.tracing.internal.SpanRingBuffer.Entry;

/**
 * One stripe of the {@link SpanRingBuffer}: a ring modelled on the LMAX Disruptor ring
 * buffer with its own padded counter and its own slots, so that its writer shares no
 * cache line with the writers of other stripes. A writer claims a sequence on the
 * {@link #cursor} and {@link #publish publishes} an immutable entry into its slot; readers
 * check the sequence of what they read, so an entry seen in the wrong place (still being
 * published, or already overwritten) is skipped, never shown twice.
 */
final class RingStripe {

	/** Unused slots before and after the ring, so the array header's line stays clean. */
	private static final int PADDING = 16;

	/** Slots per 64-byte cache line, counting 4-byte (compressed) references. */
	private static final int SLOTS_PER_LINE = 16;

	/** The stripe's index in its buffer. */
	final int index;

	/** Next sequence to claim; also the number of spans ever recorded into the stripe. */
	final PaddedSequence cursor = new PaddedSequence();

	private final AtomicReferenceArray<Entry> slots;

	private final int mask;

	/** Number of cache lines of the ring, when consecutive sequences are spread. */
	private final int lines;

	/**
	 * Create a stripe.
	 * @param index its index in the buffer
	 * @param size its number of slots, a power of two
	 */
	RingStripe(int index, int size) {
		this.index = index;
		this.mask = size - 1;
		this.lines = (size >= 2 * SLOTS_PER_LINE) ? size / SLOTS_PER_LINE : 0;
		this.slots = new AtomicReferenceArray<>(size + 2 * PADDING);
	}

	/**
	 * Return the array index of a sequence: {@code sequence & mask}, transposed so that
	 * consecutive sequences (two writers on one stripe) land on different cache lines.
	 */
	private int slot(long sequence) {
		int ring = (int) (sequence & this.mask);
		if (this.lines != 0) {
			ring = (ring & (SLOTS_PER_LINE - 1)) * this.lines + (ring >>> 4);
		}
		return PADDING + ring;
	}

	/**
	 * Publish a span under a sequence claimed on the {@link #cursor}.
	 * @param sequence the claimed sequence
	 * @param span the span
	 * @return the published entry
	 */
	Entry publish(long sequence, SpanRecord span) {
		int slot = slot(sequence);
		Entry entry = new Entry(this.index, sequence, span);
		Entry current = this.slots.get(slot);
		// The slot only moves forward: a writer descheduled between claiming and publishing
		// may find its slot already holding a newer span that wrapped into it, and leaves
		// it there (its own span is one the ring has overwritten already). Never putting an
		// older entry over a newer one, even for a moment, is what lets a scan for a root's
		// children trust every slot it reads.
		while (current == null || current.sequence() < sequence) {
			Entry witness = this.slots.compareAndExchange(slot, current, entry);
			if (witness == current) {
				break;
			}
			current = witness;
		}
		return entry;
	}

	/** Return the entry of a sequence if the slot still holds it. */
	private Entry entry(long sequence) {
		Entry entry = this.slots.getAcquire(slot(sequence));
		return (entry != null && entry.sequence() == sequence) ? entry : null;
	}

	/**
	 * Set this stripe's run in {@code runs}: its newest {@code max} matching spans among the
	 * newest {@code capacity} it holds, newest first.
	 * @param runs the runs to fill
	 * @param capacity how many spans a stripe keeps
	 * @param max the maximum number of spans
	 * @param filter the filter
	 */
	void collectInto(StripeRuns runs, int capacity, int max, Predicate<SpanRecord> filter) {
		long end = this.cursor.get();
		long start = Math.max(0, end - capacity);
		Entry[] run = new Entry[(int) Math.min(max, end - start)];
		int length = 0;
		for (long sequence = end - 1; sequence >= start && length < run.length; sequence--) {
			Entry entry = entry(sequence);
			if (entry != null && filter.test(entry.span())) {
				run[length++] = entry;
			}
		}
		runs.set(this.index, run, length);
	}

	/**
	 * Set this stripe's run in {@code runs}: the spans of a trace, newest first, scanning
	 * back from {@code from} until a span of another trace ended before {@code stop}.
	 * @param runs the runs to fill
	 * @param capacity how many spans a stripe keeps
	 * @param from the newest sequence to look at
	 * @param traceId the trace
	 * @param stop the end time (epoch nanoseconds) before which the scan stops
	 * @param max the maximum number of spans
	 */
	void traceInto(StripeRuns runs, int capacity, long from, String traceId, long stop, int max) {
		long oldest = Math.max(0, this.cursor.get() - capacity);
		Entry[] run = null;
		int length = 0;
		for (long sequence = from; sequence >= oldest && length < max; sequence--) {
			Entry entry = entry(sequence);
			if (entry == null) {
				continue;
			}
			SpanRecord candidate = entry.span();
			if (traceId.equals(candidate.traceId())) {
				if (run == null) {
					run = new Entry[Math.min(max, 16)];
				}
				else if (length == run.length) {
					run = Arrays.copyOf(run, Math.min(max, 2 * length));
				}
				run[length++] = entry;
			}
			else if (StripeRuns.end(candidate) < stop) {
				break;
			}
		}
		runs.set(this.index, run, length);
	}

}
