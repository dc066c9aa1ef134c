package dev.aisd.observability.tracing.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SpanRingBuffer}.
 */
class SpanRingBufferTests {

	private static final int THREADS = 8;

	private static final int SPANS_PER_THREAD = 100_000;

	@Test
	void createWhenCapacityNotPowerOfTwoThenSlotsRoundedUpAndCapacityKept() {
		SpanRingBuffer buffer = new SpanRingBuffer(500);
		assertThat(buffer.capacity()).isEqualTo(500);
		assertThat(buffer.slots()).isEqualTo(512);
		assertThat(new SpanRingBuffer(512).slots()).isEqualTo(512);
		assertThat(new SpanRingBuffer(1).slots()).isEqualTo(1);
		assertThat(new SpanRingBuffer(3).slots()).isEqualTo(4);
	}

	@Test
	void createWhenCapacityOutOfRangeThenPreciseMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SpanRingBuffer(0))
			.withMessage("Span history capacity must be between 1 and 1048576 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new SpanRingBuffer(-5))
			.withMessageContaining("but was -5");
		assertThatIllegalArgumentException().isThrownBy(() -> new SpanRingBuffer((1 << 20) + 1))
			.withMessageContaining("between 1 and 1048576");
	}

	@Test
	void snapshotWhenEmptyThenEmpty() {
		assertThat(new SpanRingBuffer(8).snapshot(100, (span) -> true)).isEmpty();
	}

	@Test
	void snapshotWhenNotFullThenAllOldestFirst() {
		SpanRingBuffer buffer = new SpanRingBuffer(8);
		for (int i = 0; i < 5; i++) {
			buffer.record(TestSpans.span("s" + i));
		}
		assertThat(names(buffer.snapshot(100, (span) -> true))).containsExactly("s0", "s1", "s2", "s3", "s4");
	}

	@Test
	void recordWhenFullThenOldestOverwritten() {
		SpanRingBuffer buffer = new SpanRingBuffer(4);
		for (int i = 0; i < 10; i++) {
			buffer.record(TestSpans.span("s" + i));
		}
		assertThat(names(buffer.snapshot(100, (span) -> true))).containsExactly("s6", "s7", "s8", "s9");
		assertThat(buffer.recorded()).isEqualTo(10);
	}

	@Test
	void snapshotWhenCapacityNotPowerOfTwoThenOnlyCapacityNewest() {
		SpanRingBuffer buffer = new SpanRingBuffer(3);
		for (int i = 0; i < 10; i++) {
			buffer.record(TestSpans.span("s" + i));
		}
		assertThat(names(buffer.snapshot(100, (span) -> true))).containsExactly("s7", "s8", "s9");
		assertThat(buffer.entries()).hasSize(3);
	}

	@Test
	void snapshotWhenLimitThenNewestLimitOldestFirst() {
		SpanRingBuffer buffer = new SpanRingBuffer(8);
		for (int i = 0; i < 6; i++) {
			buffer.record(TestSpans.span("s" + i));
		}
		assertThat(names(buffer.snapshot(2, (span) -> true))).containsExactly("s4", "s5");
		assertThat(buffer.snapshot(0, (span) -> true)).isEmpty();
		assertThat(buffer.snapshot(-1, (span) -> true)).isEmpty();
		assertThat(buffer.snapshot(Integer.MAX_VALUE, (span) -> true)).hasSize(6);
	}

	@Test
	void snapshotWhenFilterThenNewestMatchesOnly() {
		SpanRingBuffer buffer = new SpanRingBuffer(16);
		for (int i = 0; i < 10; i++) {
			buffer.record(TestSpans.span("s" + i));
		}
		assertThat(names(buffer.snapshot(2, (span) -> span.name().compareTo("s5") < 0))).containsExactly("s3", "s4");
	}

	@Test
	void recordWhenEightThreadsRaceThenExactlyNewestSpansEachIntactNoneTwice() throws Exception {
		SpanRingBuffer buffer = new SpanRingBuffer(512);
		try (Writers writers = new Writers(buffer, THREADS, (thread) -> {
			for (int i = 0; i < SPANS_PER_THREAD; i++) {
				buffer.record(spanOf(thread, i));
			}
		})) {
			writers.start();
			writers.join();
		}
		long total = (long) THREADS * SPANS_PER_THREAD;
		assertThat(buffer.recorded()).isEqualTo(total);
		List<SpanRingBuffer.Entry> entries = buffer.entries();
		// Each stripe holds exactly its newest 512 sequences, in order, and the stripes'
		// counts add up to every span recorded.
		assertThat(recordedPerStripe(entries).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
		assertEveryStripeHoldsItsNewest(entries, 512);
		Set<String> seen = new HashSet<>();
		for (SpanRingBuffer.Entry entry : entries) {
			assertIntact(entry.span());
			assertThat(seen.add(entry.span().spanId())).as("duplicate %s", entry.span()).isTrue();
		}
		// The ring serves its capacity, the newest of all stripes.
		List<SpanRecord> snapshot = buffer.snapshot(512, (span) -> true);
		assertThat(snapshot).hasSize(512)
			.containsExactlyElementsOf(entries.subList(entries.size() - 512, entries.size())
				.stream()
				.map(SpanRingBuffer.Entry::span)
				.toList());
	}

	@Test
	void snapshotWhileWritersRunThenEverySnapshotConsistent() throws Exception {
		SpanRingBuffer buffer = new SpanRingBuffer(256);
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < 3; t++) {
				int thread = t;
				writers.add(executor.submit(() -> {
					int i = 0;
					while (running.get()) {
						buffer.record(spanOf(thread, i++));
					}
					return null;
				}));
			}
			int snapshots = 0;
			while (snapshots < 2_000) {
				List<SpanRingBuffer.Entry> entries = buffer.entries();
				assertThat(entries.size()).isLessThanOrEqualTo(256 * buffer.stripes());
				Map<Integer, Long> previous = new HashMap<>();
				Set<String> seen = new HashSet<>();
				for (SpanRingBuffer.Entry entry : entries) {
					// Within a stripe, recording order.
					assertThat(entry.sequence()).isGreaterThan(previous.getOrDefault(entry.stripe(), -1L));
					previous.put(entry.stripe(), entry.sequence());
					assertIntact(entry.span());
					assertThat(seen.add(entry.span().spanId())).isTrue();
				}
				List<SpanRecord> limited = buffer.snapshot(50, (span) -> true);
				assertThat(limited.size()).isLessThanOrEqualTo(50);
				assertThat(new HashSet<>(limited)).hasSameSizeAs(limited);
				limited.forEach(SpanRingBufferTests::assertIntact);
				snapshots++;
			}
			running.set(false);
			for (Future<?> writer : writers) {
				writer.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			running.set(false);
			executor.shutdownNow();
		}
		assertThat(buffer.recorded()).isGreaterThan(0);
	}

	@Test
	void createWhenStripesOutOfRangeThenPreciseMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SpanRingBuffer(8, null, 3))
			.withMessage("Stripes must be a power of two between 1 and 8 but was 3");
		assertThatIllegalArgumentException().isThrownBy(() -> new SpanRingBuffer(8, null, 16))
			.withMessageContaining("but was 16");
		assertThatIllegalArgumentException().isThrownBy(() -> new SpanRingBuffer(8, null, 0))
			.withMessageContaining("but was 0");
	}

	@Test
	void defaultStripesWhenProcessorsThenNextPowerOfTwoCapped() {
		assertThat(SpanRingBuffer.defaultStripes(1)).isEqualTo(1);
		assertThat(SpanRingBuffer.defaultStripes(2)).isEqualTo(2);
		assertThat(SpanRingBuffer.defaultStripes(3)).isEqualTo(4);
		assertThat(SpanRingBuffer.defaultStripes(8)).isEqualTo(8);
		assertThat(SpanRingBuffer.defaultStripes(64)).isEqualTo(SpanRingBuffer.MAX_STRIPES);
		int stripes = new SpanRingBuffer(8).stripes();
		assertThat(Integer.bitCount(stripes)).isEqualTo(1);
		assertThat(stripes).isGreaterThanOrEqualTo(
				Math.min(Runtime.getRuntime().availableProcessors(), SpanRingBuffer.MAX_STRIPES));
	}

	@Test
	void recordWhenOneWriterThenEverythingInStripeZero() throws Exception {
		SpanRingBuffer buffer = new SpanRingBuffer(8, null, 4);
		onNewThread(() -> {
			for (int i = 0; i < 20; i++) {
				buffer.record(timed("s" + i, i));
			}
		});
		assertThat(buffer.entries()).hasSize(8).allSatisfy((entry) -> assertThat(entry.stripe()).isZero());
		assertThat(names(buffer.snapshot(100, (span) -> true))).containsExactly("s12", "s13", "s14", "s15", "s16",
				"s17", "s18", "s19");
		assertThat(buffer.recorded()).isEqualTo(20);
	}

	@Test
	void recordWhenWriterMovedStripesThenNewestOfBothServedInOrderAndCounted() throws Exception {
		SpanRingBuffer buffer = new SpanRingBuffer(8, null, 4);
		int[] moved = new int[1];
		onNewThread(() -> {
			for (int i = 0; i < 10; i++) {
				buffer.record(timed("s" + i, i));
			}
			moveOffStripeZero(buffer);
			moved[0] = buffer.stripeOfCurrentThread();
			for (int i = 10; i < 20; i++) {
				buffer.record(timed("s" + i, i));
			}
		});
		assertThat(moved[0]).isNotZero();
		// Each stripe keeps its newest 8; the ring serves the newest 8 of both.
		List<SpanRingBuffer.Entry> entries = buffer.entries();
		assertThat(entries).extracting(SpanRingBuffer.Entry::stripe).containsOnly(0, moved[0]);
		assertThat(names(entries.stream().map(SpanRingBuffer.Entry::span).toList())).containsExactly("s2", "s3",
				"s4", "s5", "s6", "s7", "s8", "s9", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19");
		assertThat(names(buffer.snapshot(100, (span) -> true))).containsExactly("s12", "s13", "s14", "s15", "s16",
				"s17", "s18", "s19");
		assertThat(names(buffer.snapshot(3, (span) -> span.startEpochNanos() < 5))).containsExactly("s2", "s3", "s4");
		assertThat(buffer.recorded()).isEqualTo(20);
	}

	@Test
	void snapshotWhenStripesInterleavedInTimeThenMergedByEndTime() throws Exception {
		SpanRingBuffer buffer = new SpanRingBuffer(16, null, 2);
		onNewThread(() -> {
			for (int i = 0; i < 10; i += 2) {
				buffer.record(timed("s" + i, i));
			}
		});
		onNewThread(() -> {
			moveOffStripeZero(buffer);
			for (int i = 1; i < 10; i += 2) {
				buffer.record(timed("s" + i, i));
			}
		});
		assertThat(names(buffer.snapshot(100, (span) -> true))).containsExactly("s0", "s1", "s2", "s3", "s4", "s5",
				"s6", "s7", "s8", "s9");
		assertThat(names(buffer.snapshot(3, (span) -> true))).containsExactly("s7", "s8", "s9");
	}

	@Test
	void recordWhenWritersOnSeveralStripesRaceWithReaderThenSnapshotsConsistentAndNewestKept() throws Exception {
		int threads = 6;
		int spans = 50_000;
		SpanRingBuffer buffer = new SpanRingBuffer(256, null, 4);
		CyclicBarrier finished = new CyclicBarrier(threads + 1);
		Set<Integer> stripes = java.util.concurrent.ConcurrentHashMap.newKeySet();
		try (Writers writers = new Writers(buffer, threads, (thread) -> {
			for (int i = 0; i < spans; i++) {
				buffer.record(spanOf(thread, i));
			}
			finished.await();
			// After every writer is done: one marker each, the newest span of all.
			stripes.add(buffer.stripeOfCurrentThread());
			buffer.record(marker(thread));
		})) {
			writers.start();
			int snapshots = 0;
			while (snapshots < 500) {
				List<SpanRecord> snapshot = buffer.snapshot(200, (span) -> true);
				assertThat(snapshot.size()).isLessThanOrEqualTo(200);
				Set<SpanRecord> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
				distinct.addAll(snapshot);
				assertThat(distinct).hasSameSizeAs(snapshot);
				snapshot.forEach(SpanRingBufferTests::assertIntact);
				snapshots++;
			}
			finished.await(2, TimeUnit.MINUTES);
			writers.join();
		}
		long total = (long) threads * spans + threads;
		assertThat(buffer.recorded()).isEqualTo(total);
		List<SpanRingBuffer.Entry> entries = buffer.entries();
		assertThat(entries).extracting(SpanRingBuffer.Entry::stripe).containsAll(stripes).contains(0);
		assertThat(entries.stream().map(SpanRingBuffer.Entry::stripe).distinct().count()).isGreaterThan(1);
		assertThat(recordedPerStripe(entries).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
		assertEveryStripeHoldsItsNewest(entries, 256);
		List<SpanRecord> snapshot = buffer.snapshot(256, (span) -> true);
		assertThat(snapshot).hasSize(256);
		assertThat(new HashSet<>(snapshot)).hasSameSizeAs(snapshot);
		List<String> markers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			markers.add("marker-" + t);
		}
		// The markers are the newest spans (two on one stripe keep their recording order).
		assertThat(names(snapshot.subList(256 - threads, 256))).containsExactlyInAnyOrderElementsOf(markers);
	}

	/** A span whose every field derives from (thread, index), so a torn span is detectable. */
	private static SpanRecord spanOf(int thread, int index) {
		String id = String.format("%04x%012x", thread, index);
		return new SpanRecord("0000000000000000" + id, id, null, "t" + thread + "-" + index, "internal", "ok", "svc",
				index, thread, SpanAttributes.of(Map.of("thread", (long) thread, "index", (long) index)));
	}

	/** A span that ends after every {@link #spanOf} span, in thread order. */
	private static SpanRecord marker(int thread) {
		return new SpanRecord("00000000000000000000000000000001", String.format("%016x", thread), null,
				"marker-" + thread, "internal", "ok", "svc", 1L << 40, thread, SpanAttributes.EMPTY);
	}

	/** A span ending at {@code end} nanoseconds. */
	private static SpanRecord timed(String name, long end) {
		return new SpanRecord("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null, name, "internal", "ok",
				"svc", end, 0, SpanAttributes.EMPTY);
	}

	/** Move the current thread's probe until it picks a stripe other than 0. */
	static void moveOffStripeZero(SpanRingBuffer buffer) {
		do {
			buffer.moveCurrentThread();
		}
		while (buffer.stripeOfCurrentThread() == 0);
	}

	/** Run on a thread of its own, whose stripe choice starts afresh. */
	static void onNewThread(Task task) throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			executor.submit(() -> {
				task.run();
				return null;
			}).get(1, TimeUnit.MINUTES);
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * Writer threads started together, half of them (the odd ones) moved off stripe 0
	 * first, as contention would move them; the others start on stripe 0 and move when
	 * their claims collide.
	 */
	static final class Writers implements AutoCloseable {

		private final ExecutorService executor;

		private final CountDownLatch start = new CountDownLatch(1);

		private final List<Future<?>> futures = new ArrayList<>();

		Writers(SpanRingBuffer buffer, int threads, WriterTask task) {
			this.executor = Executors.newFixedThreadPool(threads);
			for (int t = 0; t < threads; t++) {
				int thread = t;
				this.futures.add(this.executor.submit(() -> {
					if (thread % 2 == 1 && buffer.stripes() > 1) {
						moveOffStripeZero(buffer);
					}
					this.start.await();
					task.run(thread);
					return null;
				}));
			}
		}

		void start() {
			this.start.countDown();
		}

		void join() throws Exception {
			for (Future<?> future : this.futures) {
				future.get(2, TimeUnit.MINUTES);
			}
		}

		@Override
		public void close() {
			this.executor.shutdownNow();
		}

	}

	/** Work of one writer of {@link Writers}. */
	interface WriterTask {

		void run(int thread) throws Exception;

	}

	/** Work for {@link #onNewThread}. */
	interface Task {

		void run() throws Exception;

	}

	/** Spans recorded per stripe of a quiescent buffer: one more than its newest sequence. */
	private static Map<Integer, Long> recordedPerStripe(List<SpanRingBuffer.Entry> entries) {
		Map<Integer, Long> recorded = new HashMap<>();
		for (SpanRingBuffer.Entry entry : entries) {
			recorded.merge(entry.stripe(), entry.sequence() + 1, Math::max);
		}
		return recorded;
	}

	private static void assertEveryStripeHoldsItsNewest(List<SpanRingBuffer.Entry> entries, int capacity) {
		Map<Integer, Long> recorded = recordedPerStripe(entries);
		recorded.forEach((stripe, count) -> {
			List<Long> sequences = entries.stream()
				.filter((entry) -> entry.stripe() == stripe)
				.map(SpanRingBuffer.Entry::sequence)
				.toList();
			long first = Math.max(0, count - capacity);
			List<Long> expected = new ArrayList<>();
			for (long sequence = first; sequence < count; sequence++) {
				expected.add(sequence);
			}
			assertThat(sequences).as("stripe %d", stripe).containsExactlyElementsOf(expected);
		});
	}

	private static void assertIntact(SpanRecord span) {
		if (span.name().startsWith("marker-")) {
			return;
		}
		int thread = (int) span.durationNanos();
		int index = (int) span.startEpochNanos();
		String id = String.format("%04x%012x", thread, index);
		assertThat(span.spanId()).isEqualTo(id);
		assertThat(span.traceId()).isEqualTo("0000000000000000" + id);
		assertThat(span.name()).isEqualTo("t" + thread + "-" + index);
		assertThat(span.attributes().get("thread")).isEqualTo((long) thread);
		assertThat(span.attributes().get("index")).isEqualTo((long) index);
	}

	private static List<String> names(List<SpanRecord> spans) {
		return spans.stream().map(SpanRecord::name).toList();
	}

}
