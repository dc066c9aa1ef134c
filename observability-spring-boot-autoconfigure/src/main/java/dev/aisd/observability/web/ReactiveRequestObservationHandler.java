package dev.aisd.observability.web;

import java.net.InetSocketAddress;
import java.util.List;

import io.micrometer.observation.Observation;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * {@link RequestObservationHandler} for WebFlux applications.
 */
final class ReactiveRequestObservationHandler extends RequestObservationHandler<ServerRequestObservationContext> {

	ReactiveRequestObservationHandler(List<CompletedRequestListener> listeners, BeanFactory beanFactory) {
		super(listeners, beanFactory);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ServerRequestObservationContext;
	}

	@Override
	CompletedRequest complete(ServerRequestObservationContext context, long durationNanos, String traceId,
			String spanId) {
		ServerHttpRequest request = context.getCarrier();
		ServerHttpResponse response = context.getResponse();
		HttpStatusCode statusCode = (response != null) ? response.getStatusCode() : null;
		int status = (statusCode != null) ? statusCode.value() : ((context.getError() != null) ? 500 : 200);
		InetSocketAddress remote = request.getRemoteAddress();
		String clientIp = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: null;
		return completed(request.getMethod().name(), context.getPathPattern(), request.getPath().value(), status,
				durationNanos, clientIp, context.getAttributes().get(RequestAttributes.REQUEST_ID), traceId, spanId,
				context.getError());
	}

}
