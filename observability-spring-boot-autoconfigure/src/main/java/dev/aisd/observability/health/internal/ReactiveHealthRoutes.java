package dev.aisd.observability.health.internal;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.aisd.observability.health.HealthProperties;

/**
 * The health routes for WebFlux (WebFlux.fn). Checks run on the health executor and the
 * response follows their future, so no event-loop thread ever waits for a check.
 */
public final class ReactiveHealthRoutes {

	private ReactiveHealthRoutes() {
	}

	/**
	 * Creates the routes.
	 * @param endpoints what the endpoints answer
	 * @param properties the paths
	 * @return the routes
	 */
	public static RouterFunction<ServerResponse> routes(HealthEndpoints endpoints, HealthProperties properties) {
		return RouterFunctions.route()
			.GET(properties.getLivePath(), (request) -> respond(endpoints.live()))
			.GET(properties.getReadyPath(),
					(request) -> Mono.fromFuture(endpoints::ready).flatMap(ReactiveHealthRoutes::respond))
			.GET(properties.getPath(),
					(request) -> Mono.fromFuture(endpoints::health).flatMap(ReactiveHealthRoutes::respond))
			.build();
	}

	private static Mono<ServerResponse> respond(HealthEndpoints.Response response) {
		return ServerResponse.status(response.status())
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.bodyValue(response.bytes());
	}

}
