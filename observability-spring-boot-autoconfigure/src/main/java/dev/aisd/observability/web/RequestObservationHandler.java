package dev.aisd.observability.web;

import java.util.List;

import dev.aisd.observability.web.internal.RequestFields;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

import org.springframework.beans.factory.BeanFactory;
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

	/** A {@link ServerSpanScopes} when Micrometer Tracing is present, else {@code null}. */
	private final Object spanScopes;

	RequestObservationHandler(List<CompletedRequestListener> listeners, BeanFactory beanFactory) {
		this.listeners = listeners.toArray(CompletedRequestListener[]::new);
		this.spanScopes = (TRACING_PRESENT && beanFactory != null) ? ServerSpanScopes.of(beanFactory) : null;
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
		if (TRACING_PRESENT) {
			TracingContext tracing = context.get(TracingContext.class);
			Span span = (tracing != null) ? tracing.getSpan() : null;
			if (span != null) {
				completeInScope(context, durationNanos, span);
				return;
			}
		}
		notifyListeners(complete(context, durationNanos, null, null));
	}

	private void completeInScope(C context, long durationNanos, Span span) {
		TraceContext traceContext = span.context();
		CompletedRequest request = complete(context, durationNanos, traceContext.traceId(), traceContext.spanId());
		// The observation filter has closed the span's scope already; the listeners run
		// with the span current again, so that what they record (the HTTP duration
		// histogram) can carry its trace id as an exemplar.
		Tracer.SpanInScope scope = (this.spanScopes != null) ? ((ServerSpanScopes) this.spanScopes).open(span)
				: null;
		try {
			notifyListeners(request);
		}
		finally {
			if (scope != null) {
				scope.close();
			}
		}
	}

	private void notifyListeners(CompletedRequest request) {
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

	/**
	 * Describe a finished request from what its stack read, with the method, path and
	 * client address bounded the same way for both stacks.
	 * @param method the HTTP method as sent
	 * @param route the route template, or {@code null}
	 * @param rawPath the request path as sent
	 * @param status the response status
	 * @param durationNanos the measured duration
	 * @param clientIp the client address, or {@code null}
	 * @param requestId the request id attribute, or {@code null}
	 * @param traceId the trace id of the server span or {@code null}
	 * @param spanId the span id of the server span or {@code null}
	 * @param error the exception that escaped, or {@code null}
	 * @return the completed request
	 */
	static CompletedRequest completed(String method, String route, String rawPath, int status, long durationNanos,
			String clientIp, Object requestId, String traceId, String spanId, Throwable error) {
		return new CompletedRequest(RequestFields.method(method), route, RequestFields.path(rawPath), status,
				durationNanos, RequestFields.clientIp(clientIp), (requestId != null) ? requestId.toString() : null,
				traceId, spanId, error);
	}

}
