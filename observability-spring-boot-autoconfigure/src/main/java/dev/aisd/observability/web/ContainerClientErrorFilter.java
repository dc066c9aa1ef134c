package dev.aisd.observability.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.ClassUtils;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Servlet filter that answers the client errors which the servlet container signals by
 * throwing (Tomcat's {@code InvalidParameterException} for an invalid %-encoding in the
 * query string, its {@code BadRequestException} for a broken request body) with the
 * status the container would send, through {@code sendError}, instead of letting the
 * exception escape. It runs inside Spring's {@link ServerHttpObservationFilter}, which
 * otherwise records such a request as a failed 500 before the container maps the
 * exception to a 400, and spares the container's log a stack trace per malformed request.
 *
 * @since 0.1.0
 */
public class ContainerClientErrorFilter extends HttpFilter {

	private static final boolean TOMCAT_PRESENT = ClassUtils.isPresent(
			"org.apache.tomcat.util.http.InvalidParameterException", ContainerClientErrorFilter.class.getClassLoader());

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			int status = TOMCAT_PRESENT ? TomcatClientErrors.status(ex) : 0;
			if (status < 400 || status >= 500 || response.isCommitted()) {
				throw ex;
			}
			response.sendError(status);
		}
	}

	/**
	 * Tomcat's client error exceptions, in a class of their own so that the filter loads
	 * without Tomcat.
	 */
	static final class TomcatClientErrors {

		private TomcatClientErrors() {
		}

		/**
		 * Return the status Tomcat answers for the given exception or one of its causes.
		 * @param ex the exception that escaped the filter chain
		 * @return the status, or 0 when the exception is not a client error
		 */
		static int status(Throwable ex) {
			for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
				if (cause instanceof org.apache.tomcat.util.http.InvalidParameterException invalid) {
					return invalid.getErrorCode();
				}
				if (cause instanceof org.apache.coyote.BadRequestException) {
					return HttpServletResponse.SC_BAD_REQUEST;
				}
			}
			return 0;
		}

	}

}
