package dev.aisd.observability.metrics.internal;

import java.util.List;

import dev.aisd.observability.metrics.PrometheusScraper;
import dev.aisd.observability.metrics.PrometheusScraper.Scrape;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The WebFlux route of the scrape endpoint.
 */
public final class ReactiveMetricsRoutes {

	private ReactiveMetricsRoutes() {
	}

	/**
	 * Return a route that serves {@code GET path} from the scraper.
	 * @param path the path
	 * @param scraper the scraper
	 * @return the route
	 */
	public static RouterFunction<ServerResponse> route(String path, PrometheusScraper scraper) {
		return RouterFunctions.route(RequestPredicates.GET(path), (request) -> scrape(request, scraper));
	}

	private static Mono<ServerResponse> scrape(ServerRequest request, PrometheusScraper scraper) {
		// Rendering is CPU work of a few milliseconds at most, like any handler's; it runs
		// when the response is subscribed.
		return Mono.fromCallable(() -> scraper.scrape(accept(request)))
			.flatMap((Scrape scrape) -> ServerResponse.ok().contentType(MediaType.parseMediaType(scrape.contentType())).bodyValue(scrape.body()));
	}

	private static String accept(ServerRequest request) {
		List<String> values = request.headers().header(HttpHeaders.ACCEPT);
		return values.isEmpty() ? null : String.join(",", values);
	}

}
