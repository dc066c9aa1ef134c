package dev.aisd.observability.tracing;

import dev.aisd.observability.tracing.internal.TracesResponses;
import dev.aisd.observability.tracing.internal.TracesResponses.Response;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /observability/traces} as a functional endpoint of Spring MVC.
 */
final class ServletTracesRouter {

	private ServletTracesRouter() {
	}

	static RouterFunction<ServerResponse> create(String path, TracesResponses responses) {
		return RouterFunctions.route(RequestPredicates.GET(path), (request) -> {
			Response response = responses.respond((name) -> request.param(name).orElse(null));
			return ServerResponse.status(response.status())
				.contentType(MediaType.APPLICATION_JSON)
				.body(response.body());
		});
	}

}
