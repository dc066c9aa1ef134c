package dev.aisd.observability.tracing;

import dev.aisd.observability.tracing.internal.TracesResponses;
import dev.aisd.observability.tracing.internal.TracesResponses.Response;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /observability/traces} as a functional endpoint of WebFlux.
 */
final class ReactiveTracesRouter {

	private ReactiveTracesRouter() {
	}

	static RouterFunction<ServerResponse> create(String path, TracesResponses responses) {
		return RouterFunctions.route(RequestPredicates.GET(path), (request) -> {
			Response response = responses.respond((name) -> request.queryParam(name).orElse(null));
			return ServerResponse.status(response.status())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(response.body());
		});
	}

}
