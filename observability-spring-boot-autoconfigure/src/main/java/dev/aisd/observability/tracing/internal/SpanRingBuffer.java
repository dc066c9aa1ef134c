package dev.aisd.observability.tracing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * Bounded, lock-free buffer of the newest finished spans, striped like
 * {@code java.util.concurrent.atomic.LongAdder} so that concurrent writers do not share a
 * cache line.
 * <p>
 * Each stripe is a ring modelled on the LMAX Disruptor ring buffer: a writer claims a
 * sequence with one compare-and-set of the stripe's padded counter and publishes an
 * immutable entry into slot {@code sequence & mask} with one compare-and-set; the oldest
 * span of the stripe is overwritten. A writer starts on stripe 0 and stays on its stripe
 * until a claim fails because another writer claimed on the same stripe at the same
 * moment; it then moves to another stripe, chosen by a re-hashed per-thread probe, and
 * stays there. A lone writer therefore keeps everything in stripe 0 (until a first claim
 * fails, the thread's probe is not even looked up), and writers that do run at the same
 * time end up on stripes of their own. There are at most {@link #stripes()}
 * stripes (a power of two at least the number of processors, at most
 * {@value #MAX_STRIPES}), each of {@link #slots()} slots, created on first use: memory is
 * bounded by {@code stripes() x capacity()} spans.
 * <p>
 * Every stripe keeps the newest {@code capacity} of its own spans, so the newest
 * {@code capacity} spans of the whole buffer are always among them. Readers never block
 * writers and get a consistent snapshot: every span intact, none twice, oldest first. The
 * order is that of a merge: the spans of one stripe keep the order they were recorded in,
 * and stripes are interleaved by span end time (start plus duration). Recording order is
 * kept within a stripe because two consecutive spans of one thread can have end times
 * out of order (wall-clock start, monotonic duration).
 * <p>
 * With a {@link TraceRetention}, {@link #record(SpanRecord)} also hands every published span
 * to it, which keeps whole error and slow traces beyond the ring, and {@link #snapshot}
 * merges what the ring and the reservoirs hold.
 */
public final class SpanRingBuffer {

	/** Largest capacity accepted. */
	public static final int MAX_CAPACITY = 1 << 20;

	/** Largest number of stripes, whatever the number of processors. */
	public static final int MAX_STRIPES = 8;

	/**
	 * How long before a local root started a span of another trace may have ended for
	 * the backward scan for the root's trace to go on: a span's sequence is claimed after
	 * its end time is taken, so an unrelated span can sit between two children only when
	 * its writer was paused between the two for longer than this.
	 */
	private static final long SCAN_SLACK_NANOS = 50_000_000L;

	/**
	 * Each thread's stripe choice in element 0, shared by all buffers as
	 * {@code Striped64}'s probe is: 0 until the thread first sees contention, then a
	 * xorshift sequence. An {@code int[]}, a JDK type, so that the value a pooled thread
	 * keeps does not pin this class's loader after a redeployment.
	 */
	private static final ThreadLocal<int[]> PROBES = ThreadLocal.withInitial(() -> new int[1]);

	/** Seeds of the probes of threads that saw contention for the first time. */
	private static final AtomicInteger PROBE_SEEDS = new AtomicInteger();

	private final int capacity;

	private final int size;

	/** Number of stripes minus one: a probe's stripe is {@code probe & stripeMask}. */
	private final int stripeMask;

	/** The stripes; stripe 0 exists from the start, the others from their first writer. */
	private final AtomicReferenceArray<RingStripe> stripes;

	/** Stripe 0, read without indirection while the writers have not spread. */
	private final RingStripe first;

	/**
	 * Whether a claim ever failed, so that writers use their probes to pick a stripe; set
	 * once, read by every record.
	 */
	private volatile boolean striped;

	/** Reservoirs of error and slow traces, or {@code null}. */
	private final TraceRetention retention;

	/**
	 * Create a buffer keeping the newest {@code capacity} spans. Internally each stripe has
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
		this(capacity, retention, defaultStripes(Runtime.getRuntime().availableProcessors()));
	}

	/**
	 * Create a buffer with a given number of stripes.
	 * @param capacity how many spans to keep, from 1 to {@value #MAX_CAPACITY}
	 * @param retention the reservoirs, or {@code null}
	 * @param stripes the number of stripes, a power of two from 1 to {@value #MAX_STRIPES}
	 */
	SpanRingBuffer(int capacity, TraceRetention retention, int stripes) {
		if (capacity < 1 || capacity > MAX_CAPACITY) {
			throw new IllegalArgumentException(
					"Span history capacity must be between 1 and " + MAX_CAPACITY + " but was " + capacity);
		}
		if (stripes < 1 || stripes > MAX_STRIPES || Integer.bitCount(stripes) != 1) {
			throw new IllegalArgumentException(
					"Stripes must be a power of two between 1 and " + MAX_STRIPES + " but was " + stripes);
		}
		int size = (capacity == 1) ? 1 : Integer.highestOneBit(capacity - 1) << 1;
		this.capacity = capacity;
		this.size = size;
		this.stripeMask = stripes - 1;
		this.stripes = new AtomicReferenceArray<>(stripes);
		this.first = new RingStripe(0, size);
		this.stripes.set(0, this.first);
		this.retention = retention;
	}

	/**
	 * Return the number of stripes for a number of processors: the next power of two, at
	 * most {@value #MAX_STRIPES}.
	 * @param processors the number of processors
	 * @return the number of stripes
	 */
	static int defaultStripes(int processors) {
		int stripes = (processors <= 1) ? 1 : Integer.highestOneBit(processors - 1) << 1;
		return Math.min(MAX_STRIPES, stripes);
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
	 * Return the number of slots of one stripe (the capacity rounded up to a power of two).
	 * @return the number of slots per stripe
	 */
	public int slots() {
		return this.size;
	}

	/**
	 * Return the largest number of stripes the buffer uses; each keeps up to
	 * {@link #capacity()} spans.
	 * @return the number of stripes
	 */
	public int stripes() {
		return this.stripeMask + 1;
	}

	/**
	 * Return how many spans were ever recorded: the sum of the stripes' counters.
	 * @return the number of recorded spans
	 */
	public long recorded() {
		long recorded = 0;
		for (int i = 0; i <= this.stripeMask; i++) {
			RingStripe stripe = this.stripes.get(i);
			if (stripe != null) {
				recorded += stripe.cursor.get();
			}
		}
		return recorded;
	}

	/**
	 * Record a finished span, overwriting the oldest of its stripe when that is full.
	 * @param span the span
	 */
	public void record(SpanRecord span) {
		RingStripe stripe = this.first;
		long sequence;
		if (this.stripeMask == 0) {
			sequence = stripe.cursor.getAndIncrement();
		}
		else if (!this.striped && (sequence = stripe.cursor.tryIncrement()) >= 0) {
			// No two writers have met on this buffer yet: everything goes to stripe 0,
			// without even looking up the thread's probe.
		}
		else {
			int[] probe = PROBES.get();
			sequence = -1;
			if (this.striped) {
				stripe = stripe(probe[0] & this.stripeMask);
				sequence = stripe.cursor.tryIncrement();
			}
			else {
				// The first failed claim on this buffer, just now on stripe 0.
				this.striped = true;
			}
			for (int moves = 0; sequence < 0; moves++) {
				// Another writer claimed on this stripe at the same moment: this thread
				// moves to another one and stays there, so the two stop sharing a line.
				advance(probe);
				stripe = stripe(probe[0] & this.stripeMask);
				sequence = (moves < this.stripeMask) ? stripe.cursor.tryIncrement() : stripe.cursor.getAndIncrement();
			}
		}
		Entry entry = stripe.publish(sequence, span);
		if (this.retention != null) {
			// After publication, so that a local root's scan for its trace sees the root's
			// children (they were published before it ended).
			int decision = this.retention.decide(span);
			if (decision != TraceRetention.DISCARD) {
				this.retention.keep(decision, span, trace(entry, this.retention.settings().maxSpansPerTrace()));
			}
		}
	}

	private RingStripe stripe(int index) {
		RingStripe stripe = this.stripes.get(index);
		if (stripe == null) {
			// First writer on this stripe: racing creators agree on one through the CAS.
			this.stripes.compareAndSet(index, null, new RingStripe(index, this.size));
			stripe = this.stripes.get(index);
		}
		return stripe;
	}

	/**
	 * Return the spans of a local root's trace that the buffer holds, newest first, the
	 * root included, at most {@code max}: the root's stripe is scanned back from the root,
	 * the other stripes back from their newest span (children recorded by other threads),
	 * each until spans ended before the root started.
	 * @param root the local root's entry
	 * @param max the maximum number of spans
	 * @return the spans, newest first
	 */
	Entry[] trace(Entry root, int max) {
		SpanRecord span = root.span;
		String traceId = span.traceId();
		long stop = span.startEpochNanos() - SCAN_SLACK_NANOS;
		int children = max - 1;
		StripeRuns runs = new StripeRuns(this.stripeMask + 1);
		for (int s = 0; s <= this.stripeMask && children > 0; s++) {
			RingStripe stripe = this.stripes.get(s);
			if (stripe != null) {
				long from = (s == root.stripe) ? root.sequence - 1 : stripe.cursor.get() - 1;
				stripe.traceInto(runs, this.capacity, from, traceId, stop, children);
			}
		}
		Entry[] trace = new Entry[1 + Math.min(children, runs.total())];
		trace[0] = root;
		runs.mergeNewestFirst(trace, 1);
		return trace;
	}

	/**
	 * Return the newest {@code limit} spans that match a filter, oldest first: from the
	 * ring (at most its capacity, whatever the number of stripes) and, with a retention,
	 * from its reservoirs, each span once.
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
		int ringMax = Math.min(max, this.capacity);
		List<Entry> ring = collectRuns(ringMax, filter).oldestFirst(ringMax);
		if (this.retention == null) {
			return StripeRuns.spans(ring);
		}
		// The same span may sit in the ring and in two reservoirs: grouping by stripe
		// keeps each entry once.
		List<Entry> all = new ArrayList<>(ring);
		List<Entry> retained = new ArrayList<>();
		this.retention.collectInto(retained);
		for (Entry entry : retained) {
			if (filter.test(entry.span)) {
				all.add(entry);
			}
		}
		return StripeRuns.spans(StripeRuns.grouped(all, this.stripeMask + 1).oldestFirst(max));
	}

	/**
	 * Collect, for each stripe, its newest {@code max} matching spans, newest first. An
	 * entry whose sequence is not the one expected is either still being published or
	 * already overwritten: skipped, which is what keeps a snapshot free of duplicates.
	 */
	private StripeRuns collectRuns(int max, Predicate<SpanRecord> filter) {
		StripeRuns runs = new StripeRuns(this.stripeMask + 1);
		for (int s = 0; s <= this.stripeMask; s++) {
			RingStripe stripe = this.stripes.get(s);
			if (stripe != null) {
				stripe.collectInto(runs, this.capacity, max, filter);
			}
		}
		return runs;
	}

	/**
	 * Return every span of the buffer with its stripe and sequence (each stripe's newest
	 * {@code capacity}), oldest first in the order of {@link #snapshot}.
	 * @return the entries
	 */
	public List<Entry> entries() {
		return collectRuns(this.capacity, (span) -> true).oldestFirst(Integer.MAX_VALUE);
	}

	/** Move a thread's probe on: a seed at the first contention, then xorshift. */
	private static void advance(int[] probe) {
		int hash = probe[0];
		if (hash == 0) {
			hash = PROBE_SEEDS.addAndGet(0x9e3779b9);
		}
		else {
			hash ^= hash << 13;
			hash ^= hash >>> 17;
			hash ^= hash << 5;
		}
		probe[0] = (hash != 0) ? hash : 1;
	}

	/**
	 * Move the current thread to another stripe, as a failed claim does.
	 */
	void moveCurrentThread() {
		this.striped = true;
		advance(PROBES.get());
	}

	/**
	 * Return the stripe the current thread records into next, unless a claim fails.
	 * @return the stripe index
	 */
	int stripeOfCurrentThread() {
		return (this.stripeMask == 0 || !this.striped) ? 0 : PROBES.get()[0] & this.stripeMask;
	}

	@Override
	public String toString() {
		return "SpanRingBuffer[capacity=" + this.capacity + ", slots=" + this.size + ", stripes=" + stripes()
				+ ", recorded=" + recorded() + "]";
	}

	/**
	 * A published slot: the span, the stripe it was recorded into and its sequence there.
	 *
	 * @param stripe the stripe
	 * @param sequence the sequence within the stripe
	 * @param span the span
	 */
	public record Entry(int stripe, long sequence, SpanRecord span) {

	}

}
