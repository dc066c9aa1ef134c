package dev.aisd.observability.endpoint.internal;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.aisd.observability.endpoint.EndpointCall;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;

/**
 * The Spring MVC adapter: one functional route per endpoint. A response that is not ready
 * at once is served with asynchronous request processing, so a caller waiting for health
 * checks holds no container thread.
 */
public final class ServletEndpointRoutes {

	private ServletEndpointRoutes() {
	}

	/**
	 * Creates the routes of endpoints.
	 * @param endpoints the endpoints
	 * @return the routes; one that matches nothing when there is no endpoint
	 */
	public static RouterFunction<ServerResponse> routes(List<ObservabilityEndpoint> endpoints) {
		if (endpoints.isEmpty()) {
			return (request) -> Optional.empty();
		}
		RouterFunctions.Builder builder = RouterFunctions.route();
		for (ObservabilityEndpoint endpoint : endpoints) {
			builder.GET(endpoint.path(), (request) -> handle(endpoint, request));
		}
		return builder.build();
	}

	private static ServerResponse handle(ObservabilityEndpoint endpoint, ServerRequest request) throws Exception {
		CompletableFuture<EndpointResponse> response = endpoint.handler()
			.handle(new ServletCall(request))
			.toCompletableFuture();
		if (response.isDone()) {
			try {
				return write(response.join());
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof Exception cause) ? cause : ex;
			}
		}
		return ServerResponse.async(response.thenApply(ServletEndpointRoutes::write));
	}

	private static ServerResponse write(EndpointResponse response) {
		return ServerResponse.status(response.status())
			.contentType(MediaType.parseMediaType(response.contentType()))
			.headers((headers) -> response.headers().forEach(headers::set))
			.body(response.body());
	}

	private record ServletCall(ServerRequest request) implements EndpointCall, SecurityContext {

		@Override
		public String parameter(String name) {
			return this.request.param(name).orElse(null);
		}

		@Override
		public List<String> headers(String name) {
			return this.request.headers().header(name);
		}

		@Override
		public SecurityContext securityContext() {
			return this;
		}

		@Override
		public Principal getPrincipal() {
			return servletRequest().getUserPrincipal();
		}

		@Override
		public boolean isUserInRole(String role) {
			return servletRequest().isUserInRole(role);
		}

		private HttpServletRequest servletRequest() {
			return this.request.servletRequest();
		}

	}

}
