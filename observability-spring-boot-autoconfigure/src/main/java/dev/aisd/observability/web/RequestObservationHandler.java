package dev.aisd.observability.web;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

import org.springframework.util.ClassUtils;

/**
 * Turns the observation Spring already makes of every HTTP server request into one
 * {@link CompletedRequest} for the {@link CompletedRequestListener listeners}, so the
 * request is timed in exactly one place.
 *
 * @param <C> the type of observation context of the web stack
 */
abstract class RequestObservationHandler<C extends Observation.Context> implements ObservationHandler<C> {

	private static final boolean TRACING_PRESENT = ClassUtils.isPresent(
			"io.micrometer.tracing.handler.TracingObservationHandler",
			RequestObservationHandler.class.getClassLoader());

	/** Key of the start time in the observation context. */
	private static final Object START_NANOS = RequestObservationHandler.class;

	private final CompletedRequestListener[] listeners;

	RequestObservationHandler(List<CompletedRequestListener> listeners) {
		this.listeners = listeners.toArray(CompletedRequestListener[]::new);
	}

	@Override
	public void onStart(C context) {
		context.put(START_NANOS, System.nanoTime());
	}

	@Override
	public void onStop(C context) {
		// Removing the start time makes a second stop of the same observation (an error
		// dispatch that reuses it) a no-op instead of a second measurement.
		Object start = context.remove(START_NANOS);
		if (start == null || this.listeners.length == 0) {
			return;
		}
		long durationNanos = System.nanoTime() - (Long) start;
		String traceId = null;
		String spanId = null;
		if (TRACING_PRESENT) {
			TracingContext tracing = context.get(TracingContext.class);
			if (tracing != null && tracing.getSpan() != null) {
				TraceContext traceContext = tracing.getSpan().context();
				traceId = traceContext.traceId();
				spanId = traceContext.spanId();
			}
		}
		CompletedRequest request = complete(context, durationNanos, traceId, spanId);
		for (CompletedRequestListener listener : this.listeners) {
			listener.onCompleted(request);
		}
	}

	/**
	 * Describe the finished request.
	 * @param context the observation context of the request
	 * @param durationNanos the measured duration
	 * @param traceId the trace id of the server span or {@code null}
	 * @param spanId the span id of the server span or {@code null}
	 * @return the completed request
	 */
	abstract CompletedRequest complete(C context, long durationNanos, String traceId, String spanId);

}
