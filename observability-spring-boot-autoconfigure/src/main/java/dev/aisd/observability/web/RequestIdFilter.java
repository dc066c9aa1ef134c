package dev.aisd.observability.web;

import java.io.IOException;

import dev.aisd.observability.web.internal.RequestIdThreadLocalAccessor;
import dev.aisd.observability.web.internal.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.util.Assert;

/**
 * Servlet filter that gives every request a request id: the client's value of the
 * request id header when it is safe (see {@link RequestIds#isValid(String)}), otherwise
 * a generated one. The id is echoed on the response, stored in the
 * {@link RequestAttributes#REQUEST_ID} request attribute and put in the SLF4J MDC as
 * {@code request_id} while the request is handled, including async and error
 * dispatches.
 *
 * @since 0.1.0
 */
public class RequestIdFilter extends HttpFilter {

	private final String header;

	/**
	 * Create a filter reading and writing the given header.
	 * @param header the name of the request id header
	 */
	public RequestIdFilter(String header) {
		Assert.hasText(header, "'header' must not be empty");
		this.header = header;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// An async or error dispatch of the same request keeps the id chosen first.
		Object existing = request.getAttribute(RequestAttributes.REQUEST_ID);
		String requestId;
		if (existing instanceof String id) {
			requestId = id;
			if (!response.isCommitted() && !response.containsHeader(this.header)) {
				response.setHeader(this.header, requestId);
			}
		}
		else {
			requestId = RequestIds.acceptOrGenerate(request.getHeader(this.header));
			request.setAttribute(RequestAttributes.REQUEST_ID, requestId);
			response.setHeader(this.header, requestId);
		}
		String previous = MDC.get(RequestIdThreadLocalAccessor.MDC_KEY);
		MDC.put(RequestIdThreadLocalAccessor.MDC_KEY, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			// An error dispatch runs nested inside the original dispatch on some
			// containers; restore rather than remove so the outer one keeps its id.
			if (previous != null) {
				MDC.put(RequestIdThreadLocalAccessor.MDC_KEY, previous);
			}
			else {
				MDC.remove(RequestIdThreadLocalAccessor.MDC_KEY);
			}
		}
	}

}
