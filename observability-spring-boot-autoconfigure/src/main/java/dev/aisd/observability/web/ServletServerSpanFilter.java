package dev.aisd.observability.web;

import java.io.IOException;
import java.util.List;

import dev.aisd.observability.tracing.internal.HttpServerSpanTags;
import dev.aisd.observability.web.internal.OpsTrafficObservationPredicate;
import dev.aisd.observability.web.internal.RequestFields;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerMapping;

/**
 * The request path of a Servlet application in one filter, in place of Spring's
 * {@code ServerHttpObservationFilter} and the observation handlers behind it: the W3C
 * trace context is extracted with the application's propagator, one server span is
 * started on the application's tracer and made current (so {@code Tracer.currentSpan()},
 * {@code TraceSpan}, log lines and outgoing {@code traceparent} headers see it), and when
 * the request has finished the span is named and tagged like Spring's observation would
 * have done, ended, and the {@link CompletedRequest} (HTTP meters, the
 * {@code Handled request} line) is handed to the listeners while the span is still
 * current, so the duration histogram carries its exemplar. Operational traffic gets no
 * span and no listener call, as with the observation. Requests that go async (a
 * {@code DeferredResult}, a {@code Callable}) finish when the async request completes.
 *
 * @since 0.1.0
 */
public class ServletServerSpanFilter extends HttpFilter {

	/** Request attribute holding the server span of the request, an {@link io.micrometer.tracing.Span}. */
	public static final String SERVER_SPAN_ATTRIBUTE = ServletServerSpanFilter.class.getName() + ".span";

	/** Request attribute holding the request in flight, across async dispatches. */
	private static final String SERVER_SPAN_STATE = ServletServerSpanFilter.class.getName() + ".state";

	private static final Propagator.Getter<HttpServletRequest> HEADERS = HttpServletRequest::getHeader;

	private final ServerSpanFilterSupport support;

	/**
	 * Create a filter.
	 * @param tracer the tracer that starts the server spans
	 * @param propagator the propagator that reads the incoming trace context
	 * @param opsTraffic what counts as operational traffic, or {@code null} to record
	 * every request
	 * @param listeners the listeners of finished requests, in order
	 */
	public ServletServerSpanFilter(Tracer tracer, Propagator propagator, OpsTrafficObservationPredicate opsTraffic,
			List<CompletedRequestListener> listeners) {
		this.support = new ServerSpanFilterSupport(tracer, propagator, opsTraffic, listeners);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DispatcherType dispatch = request.getDispatcherType();
		if (dispatch == DispatcherType.ERROR) {
			// The request's span has finished with the status the error dispatch writes.
			chain.doFilter(request, response);
			return;
		}
		boolean asyncDispatch = dispatch == DispatcherType.ASYNC;
		ServerRequest exchange = (ServerRequest) request.getAttribute(SERVER_SPAN_STATE);
		if (exchange == null) {
			OpsTrafficObservationPredicate opsTraffic = this.support.opsTraffic();
			if (asyncDispatch || (opsTraffic != null && opsTraffic.isOps(request))) {
				chain.doFilter(request, response);
				return;
			}
			exchange = start(request, response);
		}
		Tracer.SpanInScope scope = this.support.tracer().withSpan(exchange.span);
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException | Error ex) {
			exchange.error = unwrap(ex);
			response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
			throw ex;
		}
		finally {
			try {
				if (request.isAsyncStarted()) {
					// Only a request that goes async needs its state found again by the
					// async dispatch: one request attribute less for all the others.
					request.setAttribute(SERVER_SPAN_STATE, exchange);
					request.getAsyncContext().addListener(exchange);
				}
				else if (!asyncDispatch) {
					// Still in the span's scope: the listeners record with the span current.
					exchange.finish(false);
				}
			}
			finally {
				scope.close();
			}
		}
	}

	private ServerRequest start(HttpServletRequest request, HttpServletResponse response) {
		Span span = this.support.start(request, HEADERS);
		ServerRequest exchange = new ServerRequest(request, response, span, System.nanoTime());
		request.setAttribute(SERVER_SPAN_ATTRIBUTE, span);
		return exchange;
	}

	private static Throwable unwrap(Throwable ex) {
		return (ex instanceof ServletException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	/**
	 * One request in flight; also the async listener of a request that went async.
	 */
	private final class ServerRequest implements AsyncListener {

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		final Span span;

		private final long startNanos;

		// Written by the request thread or by the container thread that completes an async
		// request; the container orders those hand-overs (happens-before between
		// dispatches and listener calls).
		Throwable error;

		private boolean finished;

		ServerRequest(HttpServletRequest request, HttpServletResponse response, Span span, long startNanos) {
			this.request = request;
			this.response = response;
			this.span = span;
			this.startNanos = startNanos;
		}

		/**
		 * Finish the request once (an async request may report completion more than once).
		 * @param openScope whether the span must be made current for the listeners (not
		 * on the request thread, where it is current already)
		 */
		void finish(boolean openScope) {
			if (this.finished) {
				return;
			}
			this.finished = true;
			HttpServletRequest request = this.request;
			HttpServletResponse response = this.response;
			long durationNanos = System.nanoTime() - this.startNanos;
			Throwable error = this.error;
			if (error == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable handled) {
				error = handled;
			}
			int status = response.getStatus();
			Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			String route = (pattern != null) ? pattern.toString() : null;
			String path = RequestFields.path(request.getRequestURI());
			HttpServerSpanTags.finish(this.span, request.getMethod(), route, path, status, error);
			this.span.end();
			ServerSpanFilterSupport support = ServletServerSpanFilter.this.support;
			if (!support.hasListeners()) {
				return;
			}
			TraceContext context = this.span.context();
			Object requestId = request.getAttribute(RequestAttributes.REQUEST_ID);
			CompletedRequest completed = new CompletedRequest(RequestFields.method(request.getMethod()), route, path,
					status, durationNanos, RequestFields.clientIp(request.getRemoteAddr()),
					(requestId != null) ? requestId.toString() : null, context.traceId(), context.spanId(), error);
			// An async request completes on a container thread, where the span is made
			// current for the listeners.
			support.completed(completed, openScope ? this.span : null);
		}

		@Override
		public void onComplete(AsyncEvent event) {
			finish(true);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
			if (this.error == null) {
				this.error = event.getThrowable();
			}
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// A new async cycle re-registers the listener when its dispatch returns.
		}

	}

}
