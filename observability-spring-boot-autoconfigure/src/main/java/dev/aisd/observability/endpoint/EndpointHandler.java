package dev.aisd.observability.endpoint;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Answers the calls of one endpoint. A handler that has to wait (for health checks, say)
 * returns a stage that completes later: the Servlet adapter then releases the container
 * thread (asynchronous request processing) and WebFlux never blocks an event loop.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface EndpointHandler {

	/**
	 * Answers one call.
	 * @param call the call
	 * @return the response; a stage that completes exceptionally becomes a 500
	 */
	CompletionStage<EndpointResponse> handle(EndpointCall call);

	/**
	 * Adapts a handler that answers at once (CPU work of a few milliseconds at most).
	 * @param handler the handler
	 * @return the handler
	 */
	static EndpointHandler immediate(Function<EndpointCall, EndpointResponse> handler) {
		return (call) -> CompletableFuture.completedFuture(handler.apply(call));
	}

}
