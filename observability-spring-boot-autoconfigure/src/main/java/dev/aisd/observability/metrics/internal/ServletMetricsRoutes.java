package dev.aisd.observability.metrics.internal;

import java.util.List;

import dev.aisd.observability.metrics.PrometheusScraper;
import dev.aisd.observability.metrics.PrometheusScraper.Scrape;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The Spring MVC route of the scrape endpoint.
 */
public final class ServletMetricsRoutes {

	private ServletMetricsRoutes() {
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

	private static ServerResponse scrape(ServerRequest request, PrometheusScraper scraper) {
		Scrape scrape = scraper.scrape(accept(request));
		return ServerResponse.ok().contentType(MediaType.parseMediaType(scrape.contentType())).body(scrape.body());
	}

	private static String accept(ServerRequest request) {
		List<String> values = request.headers().header(HttpHeaders.ACCEPT);
		return values.isEmpty() ? null : String.join(",", values);
	}

}
