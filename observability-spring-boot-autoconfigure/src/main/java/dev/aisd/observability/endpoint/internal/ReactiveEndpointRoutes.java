package dev.aisd.observability.endpoint.internal;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.aisd.observability.endpoint.EndpointCall;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;

/**
 * The WebFlux adapter: one functional route per endpoint; the response follows the
 * handler's stage, so no event-loop thread waits for it.
 * <p>
 * On Reactor Netty, a stage that completes later (a run of the health checks, on a health
 * thread) is handed back to the event loop of the request's connection before the
 * response is written. Written from the other thread, the response reaches the client
 * before the exchange has finished on the server; a keep-alive client's next request is
 * then read early and queued, and Reactor Netty 1.3.6 and 1.3.7 stop reading the
 * connection when that queued request is answered at once (a liveness probe after a
 * health check: reactor/reactor-netty#4361). Writing and finishing the exchange in one
 * event-loop task leaves no window for that early read.
 */
public final class ReactiveEndpointRoutes {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.Connection",
			ReactiveEndpointRoutes.class.getClassLoader());

	private static final boolean SPRING_SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.Authentication", ReactiveEndpointRoutes.class.getClassLoader());

	private ReactiveEndpointRoutes() {
	}

	/**
	 * Creates the routes of endpoints.
	 * @param endpoints the endpoints
	 * @return the routes; one that matches nothing when there is no endpoint
	 */
	public static RouterFunction<ServerResponse> routes(List<ObservabilityEndpoint> endpoints) {
		if (endpoints.isEmpty()) {
			return (request) -> Mono.empty();
		}
		RouterFunctions.Builder builder = RouterFunctions.route();
		for (ObservabilityEndpoint endpoint : endpoints) {
			builder.GET(endpoint.path(), (request) -> handle(endpoint, request));
		}
		return builder.build();
	}

	private static Mono<ServerResponse> handle(ObservabilityEndpoint endpoint, ServerRequest request) {
		return request.principal()
			.map(Optional::<Principal>of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((principal) -> Mono.defer(() -> respond(request,
					endpoint.handler().handle(new ReactiveCall(request, principal.orElse(null))))))
			.flatMap(ReactiveEndpointRoutes::write);
	}

	private static Mono<EndpointResponse> respond(ServerRequest request, CompletionStage<EndpointResponse> stage) {
		Mono<EndpointResponse> response = Mono.fromCompletionStage(stage);
		if (stage instanceof Future<?> future && future.isDone()) {
			// Signals on this thread, the one that read the request.
			return response;
		}
		Executor eventLoop = REACTOR_NETTY_PRESENT ? NettyEventLoop.of(request) : null;
		return (eventLoop != null) ? response.publishOn(Schedulers.fromExecutor(eventLoop)) : response;
	}

	private static Mono<ServerResponse> write(EndpointResponse response) {
		return ServerResponse.status(response.status())
			.contentType(MediaType.parseMediaType(response.contentType()))
			.headers((headers) -> response.headers().forEach(headers::set))
			.bodyValue(response.body());
	}

	private record ReactiveCall(ServerRequest request, Principal principal) implements EndpointCall, SecurityContext {

		@Override
		public String parameter(String name) {
			return this.request.queryParam(name).orElse(null);
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
			return this.principal;
		}

		@Override
		public boolean isUserInRole(String role) {
			return SPRING_SECURITY_PRESENT && Authorities.hasRole(this.principal, role);
		}

	}

	/**
	 * Finds the event loop of a request's connection; loaded only when Reactor Netty is
	 * present.
	 */
	private static final class NettyEventLoop {

		static Executor of(ServerRequest request) {
			Object nativeRequest;
			try {
				nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// No native request (a mock's, a decorator of an unknown request): no
				// connection to go back to.
				return null;
			}
			return (nativeRequest instanceof reactor.netty.Connection connection) ? connection.channel().eventLoop()
					: null;
		}

	}

	/**
	 * Reads Spring Security's authorities; loaded only when Spring Security is present.
	 */
	private static final class Authorities {

		static boolean hasRole(Principal principal, String role) {
			if (!(principal instanceof org.springframework.security.core.Authentication authentication)) {
				return false;
			}
			String prefixed = role.startsWith("ROLE_") ? role : "ROLE_" + role;
			for (org.springframework.security.core.GrantedAuthority authority : authentication.getAuthorities()) {
				String name = authority.getAuthority();
				if (role.equals(name) || prefixed.equals(name)) {
					return true;
				}
			}
			return false;
		}

	}

}
