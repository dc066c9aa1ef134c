package dev.aisd.observability.endpoint.internal;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.http.MediaType;
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
 */
public final class ReactiveEndpointRoutes {

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
			.flatMap((principal) -> Mono
				.fromCompletionStage(() -> endpoint.handler().handle(new ReactiveCall(request, principal.orElse(null)))))
			.flatMap(ReactiveEndpointRoutes::write);
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
