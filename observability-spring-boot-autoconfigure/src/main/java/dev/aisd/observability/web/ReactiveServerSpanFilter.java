package dev.aisd.observability.web;

import java.io.Closeable;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.aisd.observability.tracing.internal.HttpServerSpanTags;
import dev.aisd.observability.web.internal.OpsTrafficObservationPredicate;
import dev.aisd.observability.web.internal.RequestFields;
import dev.aisd.observability.web.internal.RequestIdThreadLocalAccessor;
import dev.aisd.observability.web.internal.ServerSpanThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The request path of a WebFlux application in one filter, in place of Spring's
 * {@code http.server.requests} observation and the observation handlers behind it: the
 * W3C trace context is extracted with the application's propagator, one server span is
 * started on the application's tracer and put into the Reactor context (from which
 * context propagation makes it current on every thread of the request, so
 * {@code Tracer.currentSpan()}, {@code TraceSpan}, log lines and outgoing
 * {@code traceparent} headers see it), and when the request has finished the span is
 * named and tagged like Spring's observation would have done, ended, and the
 * {@link CompletedRequest} (HTTP meters, the {@code Handled request} line) is handed to
 * the listeners with the span current, so the duration histogram carries its exemplar.
 * Like Spring's observation, a request that ends in an error is finished when the
 * error's response is committed, so that the status is the one the client gets; a
 * cancelled request (the client went away) is finished at once. Operational traffic gets
 * no span and no listener call.
 *
 * @since 0.1.0
 */
public class ReactiveServerSpanFilter implements WebFilter, Ordered {

	/** Exchange attribute holding the server span of the request, an {@link io.micrometer.tracing.Span}. */
	// A literal, so that the request id filter can read it without loading this class.
	public static final String SERVER_SPAN_ATTRIBUTE = "dev.aisd.observability.web.ReactiveServerSpanFilter.span";

	/** Order of the filter: first, where Spring's observation wraps the filter chain. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

	private static final Propagator.Getter<HttpHeaders> HEADERS = HttpHeaders::getFirst;

	private final ServerSpanFilterSupport support;

	private final RequestIdWebFilter requestIds;

	/**
	 * Create a filter.
	 * @param tracer the tracer that starts the server spans
	 * @param propagator the propagator that reads the incoming trace context
	 * @param opsTraffic what counts as operational traffic, or {@code null} to record
	 * every request
	 * @param listeners the listeners of finished requests, in order
	 */
	public ReactiveServerSpanFilter(Tracer tracer, Propagator propagator, OpsTrafficObservationPredicate opsTraffic,
			List<CompletedRequestListener> listeners) {
		this(tracer, propagator, opsTraffic, listeners, null);
	}

	/**
	 * Create a filter that also assigns the request id of each recorded request, on
	 * behalf of the given request id filter, and writes it into the Reactor context
	 * together with the span: one context write per request instead of two. With
	 * automatic context propagation every context write is an operator that sets and
	 * restores all thread locals on each of its signals.
	 * @param tracer the tracer that starts the server spans
	 * @param propagator the propagator that reads the incoming trace context
	 * @param opsTraffic what counts as operational traffic, or {@code null} to record
	 * every request
	 * @param listeners the listeners of finished requests, in order
	 * @param requestIds the request id filter of the same chain, or {@code null} to
	 * leave the request id to it alone
	 */
	public ReactiveServerSpanFilter(Tracer tracer, Propagator propagator, OpsTrafficObservationPredicate opsTraffic,
			List<CompletedRequestListener> listeners, RequestIdWebFilter requestIds) {
		this.support = new ServerSpanFilterSupport(tracer, propagator, opsTraffic, listeners);
		this.requestIds = requestIds;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		OpsTrafficObservationPredicate opsTraffic = this.support.opsTraffic();
		if (opsTraffic != null && opsTraffic.isOps(request)) {
			return chain.filter(exchange);
		}
		Span span = this.support.start(request.getHeaders(), HEADERS);
		exchange.getAttributes().put(SERVER_SPAN_ATTRIBUTE, span);
		ServerRequest state = new ServerRequest(exchange, span, System.nanoTime());
		Context context = (this.requestIds != null)
				? Context.of(ServerSpanThreadLocalAccessor.KEY, state, RequestIdThreadLocalAccessor.KEY,
						this.requestIds.assign(exchange))
				: Context.of(ServerSpanThreadLocalAccessor.KEY, state);
		return chain.filter(exchange).onErrorResume(state).doFinally(state).contextWrite(context);
	}

	/**
	 * One request in flight: the value in the Reactor context and the completion of the
	 * filter chain.
	 */
	private final class ServerRequest extends ServerSpanThreadLocalAccessor.ServerSpan
			implements Function<Throwable, Mono<Void>>, Consumer<SignalType> {

		private static final AtomicIntegerFieldUpdater<ServerRequest> FINISHED = AtomicIntegerFieldUpdater
			.newUpdater(ServerRequest.class, "finished");

		private final ServerWebExchange exchange;

		private final Span span;

		private final long startNanos;

		// Written by the signal that ends the chain, read after it (doFinally follows
		// the error on the same subscriber, beforeCommit follows it in the write).
		private Throwable error;

		// A cancel can race the completion on another thread: one of them finishes.
		private volatile int finished;

		ServerRequest(ServerWebExchange exchange, Span span, long startNanos) {
			this.exchange = exchange;
			this.span = span;
			this.startNanos = startNanos;
		}

		@Override
		protected Object exchange() {
			return this.exchange;
		}

		@Override
		protected Closeable open(boolean clear) {
			return ReactiveServerSpanFilter.this.support.tracer().withSpan(clear ? null : this.span);
		}

		// The request itself is the error and the completion callback: nothing else is
		// allocated per request for them.
		@Override
		public Mono<Void> apply(Throwable error) {
			this.error = error;
			return Mono.error(error);
		}

		@Override
		public void accept(SignalType signal) {
			ServerHttpResponse response = this.exchange.getResponse();
			if (signal == SignalType.CANCEL || response.isCommitted()) {
				finish();
			}
			else {
				// The error handlers outside the filter chain (or the handler adapter, for
				// an error none handles) still write the response: finish with its status.
				response.beforeCommit(() -> {
					finish();
					return Mono.empty();
				});
				// An action added after the response was committed on another thread
				// never runs: finish now instead (finish runs once either way).
				if (response.isCommitted()) {
					finish();
				}
			}
		}

		private void finish() {
			if (!FINISHED.compareAndSet(this, 0, 1)) {
				return;
			}
			long durationNanos = System.nanoTime() - this.startNanos;
			ServerWebExchange exchange = this.exchange;
			ServerHttpRequest request = exchange.getRequest();
			HttpStatusCode statusCode = exchange.getResponse().getStatusCode();
			Throwable error = this.error;
			int status = (statusCode != null) ? statusCode.value() : ((error != null) ? 500 : 200);
			Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			String route = (pattern instanceof PathPattern pathPattern) ? pathPattern.getPatternString()
					: ((pattern != null) ? pattern.toString() : null);
			String method = request.getMethod().name();
			String rawPath = request.getPath().value();
			HttpServerSpanTags.finish(this.span, method, route, RequestFields.path(rawPath), status, error);
			this.span.end();
			ServerSpanFilterSupport support = ReactiveServerSpanFilter.this.support;
			if (!support.hasListeners()) {
				return;
			}
			TraceContext context = this.span.context();
			InetSocketAddress remote = request.getRemoteAddress();
			String clientIp = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
					: null;
			CompletedRequest completed = RequestObservationHandler.completed(method, route, rawPath, status,
					durationNanos, clientIp, exchange.getAttribute(RequestAttributes.REQUEST_ID), context.traceId(),
					context.spanId(), error);
			// Completion runs on whatever thread ended the exchange, outside the chain's
			// context: the span is made current for the listeners here.
			support.completed(completed, this.span);
		}

	}

}
