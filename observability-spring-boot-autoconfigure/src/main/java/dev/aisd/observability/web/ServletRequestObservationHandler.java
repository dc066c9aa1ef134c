package dev.aisd.observability.web;

import java.util.List;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * {@link RequestObservationHandler} for Servlet applications.
 */
final class ServletRequestObservationHandler extends RequestObservationHandler<ServerRequestObservationContext> {

	ServletRequestObservationHandler(List<CompletedRequestListener> listeners, BeanFactory beanFactory) {
		super(listeners, beanFactory);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ServerRequestObservationContext;
	}

	@Override
	CompletedRequest complete(ServerRequestObservationContext context, long durationNanos, String traceId,
			String spanId) {
		HttpServletRequest request = context.getCarrier();
		HttpServletResponse response = context.getResponse();
		int status = (response != null) ? response.getStatus() : 500;
		return completed(request.getMethod(), context.getPathPattern(), request.getRequestURI(), status, durationNanos,
				request.getRemoteAddr(), request.getAttribute(RequestAttributes.REQUEST_ID), traceId, spanId,
				context.getError());
	}

}
