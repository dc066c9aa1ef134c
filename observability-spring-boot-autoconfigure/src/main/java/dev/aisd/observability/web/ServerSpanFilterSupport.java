package dev.aisd.observability.web;

import java.util.List;

import dev.aisd.observability.web.internal.OpsTrafficObservationPredicate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * What the Servlet and the WebFlux server span filters share: starting the server span
 * from the incoming W3C trace context, and handing a finished request to the listeners
 * with the span current.
 */
final class ServerSpanFilterSupport {

	private final Tracer tracer;

	private final Propagator propagator;

	private final OpsTrafficObservationPredicate opsTraffic;

	private final CompletedRequestListener[] listeners;

	ServerSpanFilterSupport(Tracer tracer, Propagator propagator, OpsTrafficObservationPredicate opsTraffic,
			List<CompletedRequestListener> listeners) {
		this.tracer = tracer;
		this.propagator = propagator;
		this.opsTraffic = opsTraffic;
		this.listeners = listeners.toArray(CompletedRequestListener[]::new);
	}

	Tracer tracer() {
		return this.tracer;
	}

	/**
	 * Return what counts as operational traffic.
	 * @return the predicate, or {@code null} when every request is recorded
	 */
	OpsTrafficObservationPredicate opsTraffic() {
		return this.opsTraffic;
	}

	boolean hasListeners() {
		return this.listeners.length > 0;
	}

	/**
	 * Start the server span of a request, continuing the trace its headers carry.
	 * @param <C> the type of the carrier
	 * @param carrier the request or its headers
	 * @param headers reads one header of the carrier
	 * @return the started span, not yet current
	 */
	<C> Span start(C carrier, Propagator.Getter<C> headers) {
		return this.propagator.extract(carrier, headers).kind(Span.Kind.SERVER).name("http").start();
	}

	/**
	 * Hand a finished request to the listeners.
	 * @param completed the finished request
	 * @param span the span to make current while they run, or {@code null} when it is
	 * current already
	 */
	void completed(CompletedRequest completed, Span span) {
		Tracer.SpanInScope scope = (span != null) ? this.tracer.withSpan(span) : null;
		try {
			for (CompletedRequestListener listener : this.listeners) {
				listener.onCompleted(completed);
			}
		}
		finally {
			if (scope != null) {
				scope.close();
			}
		}
	}

}
