package dev.aisd.observability.tracing.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanLatencySummaryTests {

	private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

	@Test
	void bucketWhenOnEachBoundaryThenThatBucket() {
		long[] lowerBounds = { 0, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000L, 10_000_000_000L,
				60_000_000_000L };
		for (int i = 0; i < lowerBounds.length; i++) {
			assertThat(SpanLatencySummary.bucket(lowerBounds[i])).as("at %d ns", lowerBounds[i]).isEqualTo(i);
			if (i > 0) {
				assertThat(SpanLatencySummary.bucket(lowerBounds[i] - 1)).as("below %d ns", lowerBounds[i])
					.isEqualTo(i - 1);
			}
		}
	}

	@Test
	void bucketWhenNegativeOrHugeThenFirstOrLast() {
		assertThat(SpanLatencySummary.bucket(-5)).isZero();
		assertThat(SpanLatencySummary.bucket(Long.MAX_VALUE)).isEqualTo(SpanLatencySummary.BUCKETS - 1);
	}

	@Test
	void ofWhenSpansThenCountsPerNameAndBucketAndErrors() {
		List<SpanRecord> spans = List.of(TestSpans.span(TRACE, "0000000000000001", "b", "ok", 5_000),
				TestSpans.span(TRACE, "0000000000000002", "b", "error", 2_000_000),
				TestSpans.span(TRACE, "0000000000000003", "b", "ok", 2_500_000),
				TestSpans.span(TRACE, "0000000000000004", "a", "error", 70_000_000_000L));
		SpanLatencySummary summary = SpanLatencySummary.of(7, spans);
		assertThat(summary.recorded()).isEqualTo(7);
		assertThat(summary.rows()).extracting(SpanLatencySummary.Row::name).containsExactly("a", "b");
		SpanLatencySummary.Row b = summary.rows().get(1);
		assertThat(b.counts()).containsExactly(1L, 0L, 0L, 2L, 0L, 0L, 0L, 0L, 0L);
		assertThat(b.errors()).isEqualTo(1);
		assertThat(b.total()).isEqualTo(3);
		assertThat(summary.rows().get(0).counts().get(8)).isEqualTo(1);
	}

	@Test
	void ofWhenBufferThenItsSpansAndRecordedCount() {
		SpanRingBuffer buffer = new SpanRingBuffer(4);
		for (int i = 0; i < 6; i++) {
			buffer.record(TestSpans.span("s"));
		}
		SpanLatencySummary summary = SpanLatencySummary.of(buffer);
		assertThat(summary.recorded()).isEqualTo(6);
		// The ring keeps the newest four.
		assertThat(summary.rows()).singleElement().satisfies((row) -> assertThat(row.total()).isEqualTo(4));
	}

	@Test
	void labelsWhenAskedThenTheZPagesBuckets() {
		assertThat(SpanLatencySummary.labels()).containsExactly("0", "10µs", "100µs", "1ms", "10ms", "100ms", "1s",
				"10s", "1m");
	}

}
