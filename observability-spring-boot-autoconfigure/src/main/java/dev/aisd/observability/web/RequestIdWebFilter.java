package dev.aisd.observability.web;

import dev.aisd.observability.web.internal.RequestIdThreadLocalAccessor;
import dev.aisd.observability.web.internal.RequestIds;
import dev.aisd.observability.web.internal.TraceIds;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * WebFlux filter that gives every exchange a request id: the client's value of the
 * request id header when it is safe (see {@link RequestIds#isValid(String)}), otherwise
 * a generated one. The id is echoed on the response, stored in the
 * {@link RequestAttributes#REQUEST_ID} exchange attribute and written into the Reactor
 * context, from which automatic context propagation puts it in the SLF4J MDC as
 * {@code request_id} on every thread the exchange runs on. When the request has a server
 * span (the {@link ReactiveServerSpanFilter}'s, or the one Micrometer Tracing attached
 * to Spring's {@code http.server.requests} observation), its ids are added as the
 * {@code X-Trace-ID} and {@code X-Span-ID} response headers.
 *
 * @since 0.1.0
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

	private static final boolean TRACING_PRESENT = ClassUtils.isPresent(
			"io.micrometer.tracing.handler.TracingObservationHandler", RequestIdWebFilter.class.getClassLoader());

	private final String header;

	private final boolean traceHeaders;

	/**
	 * Create a filter reading and writing the given header.
	 * @param header the name of the request id header
	 * @param traceHeaders whether to add the trace and span id response headers
	 */
	public RequestIdWebFilter(String header, boolean traceHeaders) {
		Assert.hasText(header, "'header' must not be empty");
		this.header = header;
		this.traceHeaders = traceHeaders && TRACING_PRESENT;
	}

	/** Order of the filter: just inside the {@link ReactiveServerSpanFilter}, whose span it reads. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// Assigned already by the server span filter, which wrote it into the Reactor
		// context together with its span: one context write instead of two, and every
		// context write is one more operator that sets and restores the thread locals
		// on each of its signals.
		String assigned = exchange.getAttribute(RequestAttributes.REQUEST_ID);
		String requestId = (assigned != null) ? assigned : assign(exchange);
		if (this.traceHeaders) {
			// The server span filter runs first, and HttpWebHandlerAdapter starts the
			// request's observation before it subscribes to the filter chain, so the
			// server span already exists here and the response is not committed yet.
			TraceIds ids = TraceIds.ofSpan(exchange.getAttributes().get(ReactiveServerSpanFilter.SERVER_SPAN_ATTRIBUTE));
			if (ids == null) {
				ids = TraceIds.of(
						exchange.getAttributes().get(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE));
			}
			if (ids != null) {
				HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
				responseHeaders.set(TraceIds.TRACE_ID_HEADER, ids.traceId());
				responseHeaders.set(TraceIds.SPAN_ID_HEADER, ids.spanId());
			}
		}
		Mono<Void> filtered = chain.filter(exchange);
		return (assigned != null) ? filtered : filtered.contextWrite(Context.of(RequestIdThreadLocalAccessor.KEY, requestId));
	}

	/**
	 * Give the exchange its request id: store it in the {@link RequestAttributes#REQUEST_ID}
	 * attribute and echo it on the response.
	 * @param exchange the exchange
	 * @return the request id
	 */
	String assign(ServerWebExchange exchange) {
		String requestId = RequestIds.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(this.header));
		exchange.getAttributes().put(RequestAttributes.REQUEST_ID, requestId);
		exchange.getResponse().getHeaders().set(this.header, requestId);
		return requestId;
	}

}
