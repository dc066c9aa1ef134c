package dev.aisd.observability.tracing.internal;

import java.util.ArrayList;
import java.util.List;

import dev.aisd.observability.tracing.internal.SpanRingBuffer.Entry;

/**
 * What a read of the striped {@link SpanRingBuffer} gathers: one run of entries per
 * stripe, each newest first, and their merge into one sequence. The merge takes, at each
 * step, the run whose next entry ended last, so each run keeps its order (a stripe's
 * recording order) and runs interleave by end time.
 */
final class StripeRuns {

	private final Entry[][] runs;

	private final int[] lengths;

	/**
	 * Create empty runs.
	 * @param stripes the number of stripes
	 */
	StripeRuns(int stripes) {
		this.runs = new Entry[stripes][];
		this.lengths = new int[stripes];
	}

	/**
	 * Group entries by stripe, each run newest first and each entry once (the same entry
	 * may have been found twice, in the ring and in a reservoir: same stripe, same
	 * sequence).
	 * @param entries the entries, in any order
	 * @param stripes the number of stripes, a power of two
	 * @return the runs
	 */
	static StripeRuns grouped(List<Entry> entries, int stripes) {
		List<List<Entry>> byStripe = new ArrayList<>(stripes);
		for (int s = 0; s < stripes; s++) {
			byStripe.add(new ArrayList<>());
		}
		for (Entry entry : entries) {
			byStripe.get(entry.stripe() & (stripes - 1)).add(entry);
		}
		StripeRuns runs = new StripeRuns(stripes);
		for (int s = 0; s < stripes; s++) {
			List<Entry> stripe = byStripe.get(s);
			stripe.sort((a, b) -> Long.compare(b.sequence(), a.sequence()));
			Entry[] run = new Entry[stripe.size()];
			int length = 0;
			for (Entry entry : stripe) {
				if (length == 0 || run[length - 1].sequence() != entry.sequence()) {
					run[length++] = entry;
				}
			}
			runs.set(s, run, length);
		}
		return runs;
	}

	/**
	 * Set the run of a stripe.
	 * @param stripe the stripe
	 * @param run its entries, newest first
	 * @param length how many of {@code run} are used
	 */
	void set(int stripe, Entry[] run, int length) {
		this.runs[stripe] = run;
		this.lengths[stripe] = length;
	}

	/**
	 * Return the number of entries of all runs.
	 * @return the total
	 */
	int total() {
		int total = 0;
		for (int length : this.lengths) {
			total += length;
		}
		return total;
	}

	/**
	 * Merge the runs into {@code into} from {@code offset} on, newest first, until it is
	 * full or the runs are exhausted.
	 * @param into the destination
	 * @param offset the first index to write
	 * @return the number of entries written
	 */
	int mergeNewestFirst(Entry[] into, int offset) {
		int[] positions = new int[this.runs.length];
		int count = offset;
		while (count < into.length) {
			int best = -1;
			long bestEnd = Long.MIN_VALUE;
			for (int r = 0; r < this.runs.length; r++) {
				if (positions[r] < this.lengths[r]) {
					long end = end(this.runs[r][positions[r]].span());
					if (best < 0 || end > bestEnd) {
						best = r;
						bestEnd = end;
					}
				}
			}
			if (best < 0) {
				break;
			}
			into[count++] = this.runs[best][positions[best]++];
		}
		return count - offset;
	}

	/**
	 * Return the newest {@code max} entries of the runs, oldest first.
	 * @param max the maximum number of entries
	 * @return the entries
	 */
	List<Entry> oldestFirst(int max) {
		Entry[] newestFirst = new Entry[Math.min(max, total())];
		int count = mergeNewestFirst(newestFirst, 0);
		List<Entry> result = new ArrayList<>(count);
		for (int i = count - 1; i >= 0; i--) {
			result.add(newestFirst[i]);
		}
		return result;
	}

	/**
	 * Return the spans of entries, in the same order.
	 * @param entries the entries
	 * @return their spans
	 */
	static List<SpanRecord> spans(List<Entry> entries) {
		List<SpanRecord> spans = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			spans.add(entry.span());
		}
		return spans;
	}

	/**
	 * Return when a span ended: its start plus its duration, in epoch nanoseconds.
	 * @param span the span
	 * @return the end time
	 */
	static long end(SpanRecord span) {
		return span.startEpochNanos() + span.durationNanos();
	}

}
