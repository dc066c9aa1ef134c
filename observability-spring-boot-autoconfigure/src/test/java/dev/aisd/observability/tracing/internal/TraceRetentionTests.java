package dev.aisd.observability.tracing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.aisd.observability.endpoint.EndpointResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TraceRetention} behind {@link SpanRingBuffer#record(SpanRecord)}.
 */
class TraceRetentionTests {

	private static final long MS = 1_000_000L;

	private static final long BASE = 1_700_000_000_000L * MS;

	private static final String ROUTE = "http GET /items/{id}";

	private long clock = BASE;

	private int traces;

	@Test
	void errorTraceWhenFollowedByHundredThousandOrdinaryTracesThenStillServedWithItsChild() {
		SpanRingBuffer buffer = new SpanRingBuffer(512, retention(32, 3, 16, 16, 15 * 60_000 * MS));
		List<SpanRecord> failed = trace(ROUTE, "error", 1 * MS, 1);
		failed.forEach(buffer::record);
		for (int i = 0; i < 100_000; i++) {
			trace(ROUTE, "ok", 1 * MS, 1).forEach(buffer::record);
		}
		assertErrorTraceServedWhole(buffer, failed);
	}

	@Test
	void slowTraceWhenFollowedByHundredThousandOrdinaryTracesThenFoundByMinimumDuration() {
		SpanRingBuffer buffer = new SpanRingBuffer(512, retention(32, 3, 16, 16, 15 * 60_000 * MS));
		List<SpanRecord> slow = trace(ROUTE, "ok", 800 * MS, 2);
		slow.forEach(buffer::record);
		for (int i = 0; i < 100_000; i++) {
			trace(ROUTE, "ok", 1 * MS + (i % 7) * 100_000L, 1).forEach(buffer::record);
		}
		String body = body(new TracesResponses(buffer).respond(Map.of("min_duration_ms", "500")::get));
		assertThat(body).contains(slow.get(0).traceId());
		List<SpanRecord> whole = buffer.snapshot(100, (span) -> span.traceId().equals(slow.get(0).traceId()));
		assertThat(whole).containsExactlyElementsOf(slow);
	}

	@Test
	void childErrorWhenRootOkThenWholeTraceKeptAsError() {
		SpanRingBuffer buffer = new SpanRingBuffer(64, retention(4, 0, 1, 16, MS));
		String traceId = nextTraceId();
		long start = tick(10 * MS);
		SpanRecord child = span(traceId, "c1", "r1", "db query", "client", "error", start + MS, MS);
		SpanRecord root = span(traceId, "r1", null, ROUTE, "server", "ok", start, 5 * MS);
		buffer.record(child);
		buffer.record(root);
		for (int i = 0; i < 1_000; i++) {
			trace(ROUTE, "ok", MS, 1).forEach(buffer::record);
		}
		assertThat(buffer.snapshot(100, (span) -> span.traceId().equals(traceId))).containsExactly(child, root);
	}

	@Test
	void remoteParentWhenServerSpanEndsThenTreatedAsLocalRoot() {
		SpanRingBuffer buffer = new SpanRingBuffer(16, retention(4, 0, 1, 16, MS));
		String traceId = nextTraceId();
		long start = tick(10 * MS);
		SpanRecord root = span(traceId, "r1", "remote0000000001", ROUTE, "server", "error", start, 5 * MS);
		buffer.record(root);
		for (int i = 0; i < 100; i++) {
			trace(ROUTE, "ok", MS, 0).forEach(buffer::record);
		}
		assertThat(buffer.snapshot(100, (span) -> span.traceId().equals(traceId))).containsExactly(root);
	}

	@Test
	void traceWhenMoreSpansThanLimitThenRootAndNewestChildrenKept() {
		SpanRingBuffer buffer = new SpanRingBuffer(512, retention(4, 0, 1, 4, MS));
		List<SpanRecord> big = trace(ROUTE, "error", 10 * MS, 9);
		big.forEach(buffer::record);
		for (int i = 0; i < 1_000; i++) {
			trace(ROUTE, "ok", MS, 0).forEach(buffer::record);
		}
		List<SpanRecord> kept = buffer.snapshot(100, (span) -> span.traceId().equals(big.get(0).traceId()));
		assertThat(kept).containsExactlyElementsOf(big.subList(big.size() - 4, big.size()));
	}

	@Test
	void slowReservoirWhenFullThenOnlySlowerTracesEnterAndFastestLeaves() {
		SpanRingBuffer buffer = new SpanRingBuffer(8, retention(0, 2, 4, 16, 60_000 * MS));
		List<SpanRecord> a = trace(ROUTE, "ok", 100 * MS, 0);
		List<SpanRecord> b = trace(ROUTE, "ok", 300 * MS, 0);
		List<SpanRecord> c = trace(ROUTE, "ok", 200 * MS, 0);
		a.forEach(buffer::record);
		b.forEach(buffer::record);
		c.forEach(buffer::record);
		for (int i = 0; i < 100; i++) {
			trace(ROUTE, "ok", 50 * MS, 0).forEach(buffer::record);
		}
		assertThat(buffer.snapshot(100, (span) -> span.durationNanos() >= 100 * MS)).containsExactly(b.get(0),
				c.get(0));
	}

	@Test
	void slowTraceWhenOlderThanWindowThenReplacedByNewerTrace() {
		SpanRingBuffer buffer = new SpanRingBuffer(4, retention(0, 1, 4, 16, 1_000 * MS));
		List<SpanRecord> old = trace(ROUTE, "ok", 900 * MS, 0);
		old.forEach(buffer::record);
		for (int i = 0; i < 10; i++) {
			trace(ROUTE, "ok", MS, 0).forEach(buffer::record);
		}
		assertThat(buffer.snapshot(100, (span) -> span == old.get(0))).containsExactly(old.get(0));
		tick(2_000 * MS);
		List<SpanRecord> recent = trace(ROUTE, "ok", 2 * MS, 0);
		recent.forEach(buffer::record);
		for (int i = 0; i < 10; i++) {
			trace(ROUTE, "ok", MS, 0).forEach(buffer::record);
		}
		assertThat(buffer.snapshot(100, (span) -> span == old.get(0))).isEmpty();
		assertThat(buffer.snapshot(100, (span) -> span == recent.get(0))).containsExactly(recent.get(0));
	}

	@Test
	void routesWhenUnboundedNamesThenRetainedSpansBounded() {
		TraceRetention retention = retention(8, 2, 4, 3, 60_000 * MS);
		SpanRingBuffer buffer = new SpanRingBuffer(64, retention);
		for (int i = 0; i < 20_000; i++) {
			// Every trace slower than the last, on a new name, and failing: worst case.
			trace("route-" + i, "error", (i + 1) * MS, 5).forEach(buffer::record);
		}
		List<SpanRingBuffer.Entry> retained = new ArrayList<>();
		retention.collectInto(retained);
		assertThat(retained.size()).isLessThanOrEqualTo(retention.spanCapacity());
		assertThat(retention.spanCapacity()).isEqualTo((8 + 5 * 2) * 3);
		assertThat(buffer.snapshot(Integer.MAX_VALUE, (span) -> true).size())
			.isLessThanOrEqualTo(64 + retention.spanCapacity());
	}

	@Test
	void snapshotWhenSpansInRingAndReservoirsThenEachOnceNewestLimitOldestFirst() {
		SpanRingBuffer buffer = new SpanRingBuffer(16, retention(4, 2, 4, 16, 60_000 * MS));
		List<SpanRecord> all = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			List<SpanRecord> trace = trace(ROUTE, (i % 2 == 0) ? "error" : "ok", (i + 1) * MS, 1);
			trace.forEach(buffer::record);
			all.addAll(trace);
		}
		// Every span is in the ring, and most also in one or two reservoirs.
		assertThat(buffer.snapshot(100, (span) -> true)).containsExactlyElementsOf(all);
		assertThat(buffer.snapshot(3, (span) -> true)).containsExactlyElementsOf(all.subList(9, 12));
		assertThat(buffer.snapshot(0, (span) -> true)).isEmpty();
	}

	@Test
	void snapshotWhenRetainedSpansLeftRingThenMergedInRecordingOrder() {
		SpanRingBuffer buffer = new SpanRingBuffer(4, retention(4, 0, 1, 16, MS));
		List<SpanRecord> first = trace(ROUTE, "error", MS, 1);
		first.forEach(buffer::record);
		List<SpanRecord> ordinary = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			List<SpanRecord> trace = trace(ROUTE, "ok", MS, 0);
			trace.forEach(buffer::record);
			ordinary.addAll(trace);
		}
		List<SpanRecord> expected = new ArrayList<>(first);
		expected.addAll(ordinary.subList(6, 10));
		assertThat(buffer.snapshot(100, (span) -> true)).containsExactlyElementsOf(expected);
		assertThat(buffer.snapshot(100, (span) -> "error".equals(span.status()))).containsExactly(first.get(1));
	}

	@Test
	void settingsWhenOutOfRangeThenPreciseMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceRetention.Settings(-1, 3, 16, 16, MS))
			.withMessage("Error traces must be between 0 and 4096 but was -1");
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceRetention.Settings(1, 3, 16, 0, MS))
			.withMessage("Spans per retained trace must be between 1 and 4096 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceRetention.Settings(1, 3, 5000, 1, MS))
			.withMessage("Routes must be between 0 and 4096 but was 5000");
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceRetention.Settings(1, 3, 16, 1, 0))
			.withMessage("Slow trace window must be positive but was 0 ns");
	}

	@Test
	void recordWhenWritersRaceWithReadersThenReservoirsConsistentAndErrorsKept() throws Exception {
		// 4,096 spans per stripe: a root's child is overwritten before the root's scan only if
		// its writer is descheduled while another writer of its stripe (three writers, two
		// stripes on two processors) records 4,096 spans, which 1,024 did not make unlikely
		// enough on a loaded two-processor machine; and fewer than the 10,000 a writer
		// records after its last failure, so at the end only the reservoir holds failing roots.
		SpanRingBuffer buffer = new SpanRingBuffer(4096, retention(16, 2, 8, 8, 60_000 * MS));
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < 3; t++) {
				int thread = t;
				writers.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < 30_000; i++) {
						String traceId = String.format("%016x%016x", thread + 1, i);
						// One instant for all: the scan for a root's children never stops early.
						long begin = BASE;
						boolean failed = i % 5_000 == 0;
						String status = failed ? "error" : "ok";
						buffer.record(span(traceId, String.format("%015x%d", i, 1), String.format("%015x%d", i, 0),
								"child", "internal", "ok", begin + MS, MS));
						buffer.record(span(traceId, String.format("%015x%d", i, 0), null, "route-" + (i % 12),
								"server", status, begin, failed ? 0 : (1 + i % 97) * MS));
					}
					return null;
				}));
			}
			start.countDown();
			int snapshots = 0;
			while (snapshots < 300) {
				List<SpanRecord> spans = buffer.snapshot(Integer.MAX_VALUE, (span) -> true);
				Set<SpanRecord> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
				distinct.addAll(spans);
				assertThat(distinct).hasSameSizeAs(spans);
				snapshots++;
			}
			for (Future<?> writer : writers) {
				writer.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			running.set(false);
			executor.shutdownNow();
		}
		List<SpanRecord> errors = buffer.snapshot(Integer.MAX_VALUE, (span) -> "error".equals(span.status()));
		// 3 writers x 6 failing roots; the reservoir keeps the newest 16, each with its child.
		// (Failing roots are the fastest, so the slow reservoirs do not hold them.)
		assertThat(errors).hasSize(16);
		Set<String> errorTraces = new HashSet<>();
		errors.forEach((span) -> errorTraces.add(span.traceId()));
		assertThat(buffer.snapshot(Integer.MAX_VALUE, (span) -> errorTraces.contains(span.traceId()))).hasSize(32);
	}

	@Test
	void errorTraceWhenChildRecordedByAnotherThreadOnAnotherStripeThenKeptWhole() throws Exception {
		SpanRingBuffer buffer = new SpanRingBuffer(64, retention(4, 0, 1, 16, MS), 2);
		List<SpanRecord> trace = childAndRoot("ok", "error");
		recordOnNewThread(buffer, false, trace.subList(0, 1));
		recordOnNewThread(buffer, true, trace.subList(1, 2));
		// Ordinary traffic on the child's stripe pushes the child out of the ring.
		recordOnNewThread(buffer, false, ordinaryTraces(1_000));
		assertThat(buffer.entries()).extracting(SpanRingBuffer.Entry::span).doesNotContain(trace.get(0));
		assertThat(buffer.snapshot(100, (span) -> span.traceId().equals(trace.get(0).traceId())))
			.containsExactlyElementsOf(trace);
	}

	@Test
	void childErrorWhenRecordedOnAnotherStripeThanOkRootThenWholeTraceKeptAsError() throws Exception {
		SpanRingBuffer buffer = new SpanRingBuffer(64, retention(4, 0, 1, 16, MS), 4);
		List<SpanRecord> trace = childAndRoot("error", "ok");
		recordOnNewThread(buffer, true, trace.subList(0, 1));
		List<SpanRecord> rootThenOrdinary = new ArrayList<>(trace.subList(1, 2));
		rootThenOrdinary.addAll(ordinaryTraces(1_000));
		recordOnNewThread(buffer, false, rootThenOrdinary);
		assertThat(buffer.snapshot(100, (span) -> span.traceId().equals(trace.get(0).traceId())))
			.containsExactlyElementsOf(trace);
		assertThat(buffer.snapshot(100, (span) -> "error".equals(span.status()))).containsExactly(trace.get(0));
	}

	@Test
	void errorTraceWhenHundredThousandOrdinaryTracesFollowFromSeveralThreadsThenStillServedWithItsChild()
			throws Exception {
		int threads = 4;
		SpanRingBuffer buffer = new SpanRingBuffer(512, retention(32, 3, 16, 16, 15 * 60_000 * MS), 4);
		List<SpanRecord> failed = trace(ROUTE, "error", 1 * MS, 1);
		recordOnNewThread(buffer, false, failed);
		try (SpanRingBufferTests.Writers writers = new SpanRingBufferTests.Writers(buffer, threads, (thread) -> {
			long begin = BASE + 10_000 * MS;
			for (int i = 0; i < 100_000 / threads; i++) {
				String traceId = String.format("%016x%016x", thread + 1, i);
				String rootId = String.format("%015x%d", i, 0);
				long at = begin + i * 2 * MS;
				buffer.record(span(traceId, String.format("%015x%d", i, 1), rootId, "child 0", "internal", "ok",
						at + 1, MS / 2));
				buffer.record(span(traceId, rootId, null, ROUTE, "server", "ok", at, MS + (i % 7) * 1_000L));
			}
		})) {
			writers.start();
			writers.join();
		}
		assertThat(buffer.recorded()).isEqualTo(2 + 2 * 100_000);
		assertErrorTraceServedWhole(buffer, failed);
	}

	/** {@code ?status=error} finds the failed trace, and {@code ?trace_id=} gives all of it. */
	private static void assertErrorTraceServedWhole(SpanRingBuffer buffer, List<SpanRecord> failed) {
		String traceId = failed.get(0).traceId();
		TracesResponses responses = new TracesResponses(buffer);
		String errors = body(responses.respond(Map.of("status", "error")::get));
		assertThat(errors).contains(traceId);
		String whole = body(responses.respond(Map.of("trace_id", traceId)::get));
		assertThat(whole).contains(failed.get(0).spanId()).contains(failed.get(1).spanId());
		assertThat(buffer.snapshot(100, (span) -> span.traceId().equals(traceId))).containsExactlyElementsOf(failed);
	}

	/** A child (a client call) and its local root, in the order they end. */
	private List<SpanRecord> childAndRoot(String childStatus, String rootStatus) {
		String traceId = nextTraceId();
		long start = tick(10 * MS);
		return List.of(span(traceId, "c1", "r1", "db query", "client", childStatus, start + MS, MS),
				span(traceId, "r1", null, ROUTE, "server", rootStatus, start, 5 * MS));
	}

	private List<SpanRecord> ordinaryTraces(int count) {
		List<SpanRecord> ordinary = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ordinary.addAll(trace(ROUTE, "ok", MS, 1));
		}
		return ordinary;
	}

	/** Record on a thread of its own: on stripe 0, or moved off it as after contention. */
	private static void recordOnNewThread(SpanRingBuffer buffer, boolean offStripeZero, List<SpanRecord> spans)
			throws Exception {
		SpanRingBufferTests.onNewThread(() -> {
			if (offStripeZero) {
				SpanRingBufferTests.moveOffStripeZero(buffer);
			}
			assertThat(buffer.stripeOfCurrentThread() != 0).isEqualTo(offStripeZero);
			spans.forEach(buffer::record);
		});
	}

	private static TraceRetention retention(int errors, int slowPerRoute, int routes, int spansPerTrace,
			long window) {
		return new TraceRetention(new TraceRetention.Settings(errors, slowPerRoute, routes, spansPerTrace, window));
	}

	/** A trace of {@code children} child spans then its root, in the order they end. */
	private List<SpanRecord> trace(String name, String status, long durationNanos, int children) {
		String traceId = nextTraceId();
		long start = tick(durationNanos + MS);
		String rootId = String.format("%016x", this.traces);
		List<SpanRecord> spans = new ArrayList<>();
		for (int i = 0; i < children; i++) {
			spans.add(span(traceId, String.format("%08x%08x", this.traces, i + 1), rootId, "child " + i, "internal",
					"ok", start + 1 + i, Math.max(1, durationNanos / 2)));
		}
		spans.add(span(traceId, rootId, null, name, "server", status, start, durationNanos));
		return spans;
	}

	private String nextTraceId() {
		return String.format("%032x", ++this.traces);
	}

	private long tick(long nanos) {
		long now = this.clock;
		this.clock += nanos;
		return now;
	}

	private static SpanRecord span(String traceId, String spanId, String parent, String name, String kind,
			String status, long start, long duration) {
		return new SpanRecord(traceId, spanId, parent, name, kind, status, "svc", start, duration,
				SpanAttributes.EMPTY);
	}

	private static String body(EndpointResponse response) {
		assertThat(response.status()).isEqualTo(200);
		return new String(response.body(), StandardCharsets.UTF_8);
	}

}
