package dev.aisd.observability.tracing.internal;

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
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				writers.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < SPANS_PER_THREAD; i++) {
						buffer.record(spanOf(thread, i));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		long total = (long) THREADS * SPANS_PER_THREAD;
		assertThat(buffer.recorded()).isEqualTo(total);
		List<SpanRingBuffer.Entry> entries = buffer.entries();
		assertThat(entries).hasSize(512);
		// Exactly the newest 512 sequences, in order.
		for (int i = 0; i < entries.size(); i++) {
			assertThat(entries.get(i).sequence()).isEqualTo(total - 512 + i);
		}
		Set<String> seen = new HashSet<>();
		for (SpanRingBuffer.Entry entry : entries) {
			assertIntact(entry.span());
			assertThat(seen.add(entry.span().spanId())).as("duplicate %s", entry.span()).isTrue();
		}
		assertThat(buffer.snapshot(512, (span) -> true)).containsExactlyElementsOf(
				entries.stream().map(SpanRingBuffer.Entry::span).toList());
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
				assertThat(entries.size()).isLessThanOrEqualTo(256);
				long previous = -1;
				Set<String> seen = new HashSet<>();
				for (SpanRingBuffer.Entry entry : entries) {
					assertThat(entry.sequence()).isGreaterThan(previous);
					previous = entry.sequence();
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

	/** A span whose every field derives from (thread, index), so a torn span is detectable. */
	private static SpanRecord spanOf(int thread, int index) {
		String id = String.format("%04x%012x", thread, index);
		return new SpanRecord("0000000000000000" + id, id, null, "t" + thread + "-" + index, "internal", "ok", "svc",
				index, thread, SpanAttributes.of(Map.of("thread", (long) thread, "index", (long) index)));
	}

	private static void assertIntact(SpanRecord span) {
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
