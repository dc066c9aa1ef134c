package dev.aisd.observability.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Makes the server span of a finished request current again while the
 * {@link CompletedRequestListener listeners} run. Spring's observation filters close the
 * span's scope before they stop the observation, so without this the HTTP meters would
 * be recorded with no current span, and their histogram buckets could carry no
 * {@code trace_id}/{@code span_id} exemplar. Loaded only when Micrometer Tracing is on
 * the classpath.
 */
final class ServerSpanScopes {

	private final ObjectProvider<Tracer> tracerProvider;

	// Benign race: a thread that reads null resolves the tracer again.
	private volatile Tracer tracer;

	private ServerSpanScopes(ObjectProvider<Tracer> tracerProvider) {
		this.tracerProvider = tracerProvider;
	}

	static ServerSpanScopes of(BeanFactory beanFactory) {
		return new ServerSpanScopes(beanFactory.getBeanProvider(Tracer.class));
	}

	/**
	 * Make the span current on this thread.
	 * @param span the server span
	 * @return the scope to close once the listeners have run, or {@code null} when there
	 * is no tracer
	 */
	Tracer.SpanInScope open(Span span) {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			// Resolved on the first request, not when the observation registry is built:
			// the tracer may not exist yet then.
			tracer = this.tracerProvider.getIfAvailable();
			if (tracer == null) {
				return null;
			}
			this.tracer = tracer;
		}
		return tracer.withSpan(span);
	}

}
