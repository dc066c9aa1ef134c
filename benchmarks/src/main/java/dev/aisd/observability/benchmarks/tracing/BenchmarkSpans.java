package dev.aisd.observability.benchmarks.tracing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.tracing.internal.SpanAttributes;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;

/**
 * The spans the JSON measurements write: a full default buffer of 512 server spans with
 * the attributes a Spring MVC request gets (the contract's and Spring's low-cardinality
 * ones), shared by the JMH benchmark and the CPU-time harness so both write the same
 * document.
 */
final class BenchmarkSpans {

	/** The default capacity of the buffer, {@code observability.traces.history}. */
	static final int COUNT = 512;

	private BenchmarkSpans() {
	}

	/**
	 * Record {@link #COUNT} server spans, half of them with a parent.
	 * @param buffer the buffer to fill
	 * @return the recorded spans, oldest first
	 */
	static List<SpanRecord> fill(SpanRingBuffer buffer) {
		long start = System.currentTimeMillis() * 1_000_000L;
		for (int i = 0; i < COUNT; i++) {
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("http.request.method", "GET");
			attributes.put("url.path", "/items/{id}");
			attributes.put("http.response.status_code", 200L);
			attributes.put("method", "GET");
			attributes.put("uri", "/items/{id}");
			attributes.put("status", "200");
			attributes.put("outcome", "SUCCESS");
			attributes.put("exception", "none");
			String traceId = String.format("%032x", 0x0af7651916cd43ddL + i);
			String spanId = String.format("%016x", 0xb7ad6b7169203331L + i);
			buffer.record(new SpanRecord(traceId, spanId, (i % 2 == 0) ? null : spanId, "http GET /items/{id}",
					"server", "ok", "sample-service", start + i * 1_000_000L, 2_130_000L + i,
					SpanAttributes.of(attributes)));
		}
		return buffer.snapshot(COUNT, (span) -> true);
	}

}
