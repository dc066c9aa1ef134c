package dev.aisd.observability.tracing.internal;

/**
 * One finished span as the ring buffer keeps it: immutable and bounded in size.
 *
 * @param traceId the trace id, 32 lower-case hex characters
 * @param spanId the span id, 16 lower-case hex characters
 * @param parentSpanId the span id of the parent, or {@code null} for a root span
 * @param name the span name
 * @param kind the span kind in lower case ({@code server}, {@code client},
 * {@code internal}, {@code producer}, {@code consumer})
 * @param status {@code ok} or {@code error}
 * @param service the name of the service that recorded the span
 * @param startEpochNanos the start time in nanoseconds since the epoch
 * @param durationNanos the duration in nanoseconds
 * @param attributes the attributes, redacted and truncated
 */
public record SpanRecord(String traceId, String spanId, String parentSpanId, String name, String kind, String status,
		String service, long startEpochNanos, long durationNanos, SpanAttributes attributes) {

	/** Value of {@link #status()} for a span that ended normally. */
	public static final String STATUS_OK = "ok";

	/** Value of {@link #status()} for a span that recorded an error. */
	public static final String STATUS_ERROR = "error";

}
