package dev.aisd.observability.tracing.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.aisd.observability.tracing.internal.SpanRingBuffer.Entry;

/**
 * Bounded reservoirs of whole traces worth keeping longer than the newest-N ring holds
 * them: the newest traces that ended in error, and the slowest traces of each route (the
 * name of the local root span, which for an HTTP server span is the method and the route
 * template). Modelled on the OpenTelemetry Collector's {@code tail_sampling} policies
 * {@code status_code} and {@code latency}, but decided in-process.
 * <p>
 * The decision is taken when a local root span ends (a span without a parent, or a server
 * or consumer span, whose children ended before it): its trace's spans still in the ring,
 * on any of its stripes (children may have been recorded by other threads), are copied, by
 * reference, into a reservoir. For an ordinary span the cost is a few field reads and
 * comparisons, no lock, no allocation and no write to shared memory; only a kept trace pays
 * for the scan of the ring. Every reservoir slot is replaced with a compare-and-set, so writers never
 * block each other. Memory is bounded by the number of traces times
 * {@link Settings#maxSpansPerTrace()}, each span being bounded by the buffer's attribute
 * limits.
 */
public final class TraceRetention {

	/** Slots of the table of traces in which a non-root span failed (a power of two). */
	private static final int ERROR_MARKS = 256;

	/** What {@link #decide} returns for a span whose trace is not kept. */
	public static final int DISCARD = 0;

	/** Bit of {@link #decide}'s answer: the trace goes into the error reservoir. */
	public static final int KEEP_ERROR = 1;

	/** Bit of {@link #decide}'s answer: the trace goes into its route's slow reservoir. */
	public static final int KEEP_SLOW = 2;

	private final Settings settings;

	private final AtomicReferenceArray<RetainedTrace> errors;

	private final AtomicLong errorCursor = new AtomicLong();

	private final AtomicReferenceArray<String> errorMarks = new AtomicReferenceArray<>(ERROR_MARKS);

	private final ConcurrentHashMap<String, RouteReservoir> routes = new ConcurrentHashMap<>();

	private final RouteReservoir otherRoutes;

	private final AtomicLong kept = new AtomicLong();

	/**
	 * Create the reservoirs.
	 * @param settings their sizes
	 */
	public TraceRetention(Settings settings) {
		this.settings = settings;
		this.errors = new AtomicReferenceArray<>(Math.max(1, settings.errorTraces()));
		this.otherRoutes = new RouteReservoir(settings.slowTracesPerRoute(), settings.slowWindowNanos());
	}

	/**
	 * Return the sizes of the reservoirs.
	 * @return the settings
	 */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * Return the largest number of spans the reservoirs can hold.
	 * @return the number of spans
	 */
	public int spanCapacity() {
		long traces = (long) this.settings.errorTraces()
				+ (long) (this.settings.maxRoutes() + 1) * this.settings.slowTracesPerRoute();
		return (int) Math.min(Integer.MAX_VALUE, traces * this.settings.maxSpansPerTrace());
	}

	/**
	 * Return how many traces were put into a reservoir so far.
	 * @return the number of traces
	 */
	public long kept() {
		return this.kept.get();
	}

	/**
	 * Decide about a span just published in the ring. For an ordinary span this only reads
	 * shared state (the route map, a route's volatile thresholds, the error marks), so
	 * writers on different stripes of the ring share no written cache line here.
	 * @param span the span
	 * @return {@link #DISCARD}, or a combination of {@link #KEEP_ERROR} and
	 * {@link #KEEP_SLOW}: the span is a local root whose trace goes into that reservoir
	 */
	public int decide(SpanRecord span) {
		boolean error = SpanRecord.STATUS_ERROR.equals(span.status());
		if (!isLocalRoot(span)) {
			if (error) {
				this.errorMarks.set(markIndex(span.traceId()), span.traceId());
			}
			return DISCARD;
		}
		if (!error) {
			String mark = this.errorMarks.get(markIndex(span.traceId()));
			error = mark != null && mark.equals(span.traceId());
		}
		int decision = (error && this.settings.errorTraces() > 0) ? KEEP_ERROR : DISCARD;
		if (this.settings.slowTracesPerRoute() > 0 && route(span.name()).admits(span)) {
			decision |= KEEP_SLOW;
		}
		return decision;
	}

	/**
	 * Keep a trace that {@link #decide} chose.
	 * @param decision what {@link #decide} returned for its local root
	 * @param root the local root span
	 * @param spans the trace's spans the ring holds, the root included (references, not
	 * copies)
	 */
	public void keep(int decision, SpanRecord root, Entry[] spans) {
		RetainedTrace trace = new RetainedTrace(root.startEpochNanos() + root.durationNanos(), root.durationNanos(),
				spans);
		if ((decision & KEEP_ERROR) != 0) {
			int slot = (int) (this.errorCursor.getAndIncrement() % this.errors.length());
			this.errors.set(slot, trace);
			this.kept.incrementAndGet();
		}
		if ((decision & KEEP_SLOW) != 0 && route(root.name()).offer(trace)) {
			this.kept.incrementAndGet();
		}
	}

	private static boolean isLocalRoot(SpanRecord span) {
		String kind = span.kind();
		return span.parentSpanId() == null || "server".equals(kind) || "consumer".equals(kind);
	}

	/**
	 * Slot of a trace in the error marks, from the last hex digits of its id (random in
	 * W3C trace ids); any other character only picks some slot.
	 */
	private static int markIndex(String traceId) {
		int length = traceId.length();
		int hash = 0;
		for (int i = Math.max(0, length - 4); i < length; i++) {
			hash = (hash << 4) + traceId.charAt(i);
		}
		return hash & (ERROR_MARKS - 1);
	}

	private RouteReservoir route(String name) {
		RouteReservoir route = this.routes.get(name);
		if (route != null) {
			return route;
		}
		if (this.routes.size() >= this.settings.maxRoutes()) {
			return this.otherRoutes;
		}
		// Two threads may each see room for one more route: the map can exceed the limit by
		// the number of racing writers, a bound all the same.
		return this.routes.computeIfAbsent(name,
				(key) -> new RouteReservoir(this.settings.slowTracesPerRoute(), this.settings.slowWindowNanos()));
	}

	/**
	 * Add every retained span to a list.
	 * @param into where the entries go
	 */
	void collectInto(List<Entry> into) {
		for (int i = 0; i < this.errors.length(); i++) {
			RetainedTrace trace = this.errors.get(i);
			if (trace != null) {
				trace.addTo(into);
			}
		}
		for (RouteReservoir route : this.routes.values()) {
			route.collectInto(into);
		}
		this.otherRoutes.collectInto(into);
	}

	@Override
	public String toString() {
		return "TraceRetention[" + this.settings + ", kept=" + this.kept.get() + "]";
	}

	/**
	 * The sizes of the reservoirs.
	 *
	 * @param errorTraces how many of the newest traces that ended in error are kept
	 * @param slowTracesPerRoute how many of the slowest traces are kept per route
	 * @param maxRoutes how many routes get their own slow-trace reservoir; further routes
	 * share one
	 * @param maxSpansPerTrace how many spans of one trace are kept at most
	 * @param slowWindowNanos how long a slow trace is kept before any newer trace of its
	 * route may replace it, in nanoseconds
	 */
	public record Settings(int errorTraces, int slowTracesPerRoute, int maxRoutes, int maxSpansPerTrace,
			long slowWindowNanos) {

		/** Largest value accepted for any of the sizes. */
		public static final int MAX_SIZE = 4096;

		/**
		 * Validate the sizes.
		 */
		public Settings {
			check("Error traces", errorTraces, 0);
			check("Slow traces per route", slowTracesPerRoute, 0);
			check("Routes", maxRoutes, 0);
			check("Spans per retained trace", maxSpansPerTrace, 1);
			if (slowWindowNanos <= 0) {
				throw new IllegalArgumentException("Slow trace window must be positive but was " + slowWindowNanos
						+ " ns");
			}
		}

		private static void check(String what, int value, int min) {
			if (value < min || value > MAX_SIZE) {
				throw new IllegalArgumentException(
						what + " must be between " + min + " and " + MAX_SIZE + " but was " + value);
			}
		}

	}

	/**
	 * One kept trace: its local root's end and duration, and its spans.
	 */
	record RetainedTrace(long endEpochNanos, long durationNanos, Entry[] spans) {

		void addTo(List<Entry> into) {
			for (Entry span : this.spans) {
				into.add(span);
			}
		}

	}

	/**
	 * The slowest traces of one route within a window: a trace enters when a slot is
	 * free, when it is slower than the fastest member, or when a member is older than the
	 * window.
	 */
	static final class RouteReservoir {

		private final AtomicReferenceArray<RetainedTrace> slots;

		private final long windowNanos;

		/**
		 * Duration a root must exceed to be considered; -1 while a slot is free. Only a
		 * filter for the hot path: {@link #offer} decides again on the slots themselves.
		 */
		private volatile long threshold = -1;

		/** End time after which the oldest member has left the window. */
		private volatile long renewAt = Long.MAX_VALUE;

		RouteReservoir(int size, long windowNanos) {
			this.slots = new AtomicReferenceArray<>(size);
			this.windowNanos = windowNanos;
		}

		boolean admits(SpanRecord root) {
			return root.durationNanos() > this.threshold
					|| root.startEpochNanos() + root.durationNanos() >= this.renewAt;
		}

		boolean offer(RetainedTrace trace) {
			while (true) {
				int victim = -1;
				RetainedTrace current = null;
				long fastest = Long.MAX_VALUE;
				for (int i = 0; i < this.slots.length(); i++) {
					RetainedTrace member = this.slots.get(i);
					if (member == null || expired(member, trace)) {
						victim = i;
						current = member;
						fastest = -1;
						break;
					}
					if (member.durationNanos() < fastest) {
						fastest = member.durationNanos();
						victim = i;
						current = member;
					}
				}
				if (victim < 0 || (fastest >= 0 && trace.durationNanos() <= fastest)) {
					refresh();
					return false;
				}
				if (this.slots.compareAndSet(victim, current, trace)) {
					refresh();
					return true;
				}
				// Another writer replaced that slot first: look again.
			}
		}

		private boolean expired(RetainedTrace member, RetainedTrace newer) {
			return newer.endEpochNanos() - member.endEpochNanos() > this.windowNanos;
		}

		/**
		 * Recompute the hot-path filter. Writers racing here may leave a slightly stale
		 * value; a stale low threshold only costs an extra {@link #offer}, and a stale high
		 * one lasts until the next member changes.
		 */
		private void refresh() {
			long fastest = Long.MAX_VALUE;
			long oldestEnd = Long.MAX_VALUE;
			for (int i = 0; i < this.slots.length(); i++) {
				RetainedTrace member = this.slots.get(i);
				if (member == null) {
					this.threshold = -1;
					this.renewAt = Long.MAX_VALUE;
					return;
				}
				fastest = Math.min(fastest, member.durationNanos());
				oldestEnd = Math.min(oldestEnd, member.endEpochNanos());
			}
			this.threshold = fastest;
			this.renewAt = (oldestEnd > Long.MAX_VALUE - this.windowNanos) ? Long.MAX_VALUE
					: oldestEnd + this.windowNanos + 1;
		}

		void collectInto(List<Entry> into) {
			for (int i = 0; i < this.slots.length(); i++) {
				RetainedTrace member = this.slots.get(i);
				if (member != null) {
					member.addTo(into);
				}
			}
		}

	}

}
