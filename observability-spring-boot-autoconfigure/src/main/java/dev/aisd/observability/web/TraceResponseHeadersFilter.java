package dev.aisd.observability.web;

import java.io.IOException;

import dev.aisd.observability.web.internal.TraceIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Servlet filter that adds the {@code X-Trace-ID} and {@code X-Span-ID} response headers
 * from the server span of the request. It must run inside the {@link ServletServerSpanFilter}
 * or Spring's {@link ServerHttpObservationFilter}, whichever owns that span.
 *
 * @since 0.1.0
 */
public class TraceResponseHeadersFilter extends HttpFilter {

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!response.isCommitted() && !response.containsHeader(TraceIds.TRACE_ID_HEADER)) {
			TraceIds ids = TraceIds.ofSpan(request.getAttribute(ServletServerSpanFilter.SERVER_SPAN_ATTRIBUTE));
			if (ids == null) {
				ids = TraceIds.of(
						request.getAttribute(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE));
			}
			if (ids != null) {
				response.setHeader(TraceIds.TRACE_ID_HEADER, ids.traceId());
				response.setHeader(TraceIds.SPAN_ID_HEADER, ids.spanId());
			}
		}
		chain.doFilter(request, response);
	}

}
