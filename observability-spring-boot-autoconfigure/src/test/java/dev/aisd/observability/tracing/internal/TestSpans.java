package dev.aisd.observability.tracing.internal;

import java.util.Map;

/**
 * Spans for tests.
 */
final class TestSpans {

	private TestSpans() {
	}

	static SpanRecord span(String name) {
		return span("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", name, "ok", 1_000_000L);
	}

	static SpanRecord span(String traceId, String spanId, String name, String status, long durationNanos) {
		return new SpanRecord(traceId, spanId, null, name, "internal", status, "svc", 1_700_000_000_000_000_000L,
				durationNanos, SpanAttributes.of(Map.of("k", name)));
	}

}
