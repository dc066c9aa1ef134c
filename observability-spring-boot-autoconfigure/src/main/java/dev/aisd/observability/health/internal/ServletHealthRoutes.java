package dev.aisd.observability.health.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dev.aisd.observability.health.HealthProperties;

/**
 * The health routes for Spring MVC (WebMvc.fn). A request thread waits for the checks at
 * most about the longest check timeout; cached results answer at once.
 */
public final class ServletHealthRoutes {

	private ServletHealthRoutes() {
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
			.GET(properties.getReadyPath(), (request) -> respond(await(endpoints, endpoints.ready())))
			.GET(properties.getPath(), (request) -> respond(await(endpoints, endpoints.health())))
			.build();
	}

	private static HealthEndpoints.Response await(HealthEndpoints endpoints,
			java.util.concurrent.CompletableFuture<HealthEndpoints.Response> response) {
		if (response.isDone()) {
			return response.join();
		}
		try {
			return response.get(endpoints.maxWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return endpoints.unavailable();
		}
		catch (ExecutionException | TimeoutException ex) {
			return endpoints.unavailable();
		}
	}

	private static ServerResponse respond(HealthEndpoints.Response response) {
		return ServerResponse.status(response.status())
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(response.bytes());
	}

}
