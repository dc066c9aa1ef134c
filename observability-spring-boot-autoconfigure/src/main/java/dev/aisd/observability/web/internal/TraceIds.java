package dev.aisd.observability.web.internal;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

/**
 * The trace and span id of the span that Micrometer Tracing attached to an observation.
 * Not API: may change without notice.
 *
 * @param traceId the trace id
 * @param spanId the span id
 */
public record TraceIds(String traceId, String spanId) {

	/** Response header carrying the trace id. */
	public static final String TRACE_ID_HEADER = "X-Trace-ID";

	/** Response header carrying the span id. */
	public static final String SPAN_ID_HEADER = "X-Span-ID";

	/**
	 * Return the ids of the span of the given observation context.
	 * @param observationContext an {@link Observation.Context} or {@code null}
	 * @return the ids, or {@code null} when the context carries no span
	 */
	public static TraceIds of(Object observationContext) {
		if (!(observationContext instanceof Observation.Context context)) {
			return null;
		}
		TracingContext tracing = context.get(TracingContext.class);
		return ofSpan((tracing != null) ? tracing.getSpan() : null);
	}

	/**
	 * Return the ids of a span.
	 * @param span a {@link Span} or {@code null}
	 * @return the ids, or {@code null} when there is no span
	 */
	public static TraceIds ofSpan(Object span) {
		if (!(span instanceof Span found)) {
			return null;
		}
		TraceContext traceContext = found.context();
		String traceId = traceContext.traceId();
		String spanId = traceContext.spanId();
		return (traceId != null && spanId != null) ? new TraceIds(traceId, spanId) : null;
	}

}
