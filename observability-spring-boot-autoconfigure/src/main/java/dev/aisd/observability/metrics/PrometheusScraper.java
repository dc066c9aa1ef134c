package dev.aisd.observability.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.boot.actuate.endpoint.ProducibleOperationArgumentResolver;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusOutputFormat;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

import dev.aisd.observability.endpoint.EndpointResponse;

/**
 * Answers a scrape through Spring Boot's {@link PrometheusScrapeEndpoint}, in the
 * {@link PrometheusOutputFormat} the scraper's {@code Accept} header asks for: Prometheus
 * text 0.0.4 by default, OpenMetrics text 1.0.0 or the Prometheus protobuf format when
 * preferred.
 * <p>
 * Spring Boot's {@link ProducibleOperationArgumentResolver} picks the format; it ignores
 * quality values, so the media ranges are offered to it one quality level at a time, the
 * highest first (Spring's {@link MediaType} parses and orders them). A header that accepts
 * none of the formats, or does not parse, gets Prometheus text 0.0.4: a scraper is better
 * served by the default format than by a 406.
 *
 * @since 0.1.0
 */
public class PrometheusScraper {

	private final PrometheusScrapeEndpoint endpoint;

	/**
	 * Creates a scraper over Spring Boot's scrape endpoint.
	 * @param endpoint the endpoint that renders the registry
	 */
	public PrometheusScraper(PrometheusScrapeEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	/**
	 * Creates a scraper of a registry.
	 * @param registry the registry to render
	 * @param exporterProperties the Prometheus client properties that configure the
	 * exposition formats ({@code io.prometheus.exporter.*}), or {@code null}
	 */
	public PrometheusScraper(PrometheusRegistry registry, Properties exporterProperties) {
		this(new PrometheusScrapeEndpoint(registry, exporterProperties));
	}

	/**
	 * Renders the registry.
	 * @param accept the value of the {@code Accept} header, or {@code null}
	 * @return the rendered scrape
	 */
	public EndpointResponse scrape(String accept) {
		return scrapeAccepting((accept != null) ? List.of(accept) : List.of());
	}

	/**
	 * Renders the registry.
	 * @param accept the values of the {@code Accept} headers
	 * @return the rendered scrape, status 200
	 */
	public EndpointResponse scrapeAccepting(List<String> accept) {
		WebEndpointResponse<byte[]> scrape = this.endpoint.scrape(negotiate(accept), null);
		return new EndpointResponse(200, scrape.getContentType().toString(), Map.of(), scrape.getBody());
	}

	static PrometheusOutputFormat negotiate(List<String> accept) {
		List<MediaType> ranges = parse(accept);
		int i = 0;
		while (i < ranges.size()) {
			double quality = ranges.get(i).getQualityValue();
			List<String> level = new ArrayList<>();
			while (i < ranges.size() && ranges.get(i).getQualityValue() == quality) {
				level.add(ranges.get(i).toString());
				i++;
			}
			if (quality <= 0) {
				break;
			}
			PrometheusOutputFormat format = resolve(level);
			if (format != null) {
				return format;
			}
		}
		return resolve(List.of());
	}

	private static PrometheusOutputFormat resolve(List<String> accept) {
		return new ProducibleOperationArgumentResolver(() -> accept).resolve(PrometheusOutputFormat.class);
	}

	private static List<MediaType> parse(List<String> accept) {
		try {
			List<MediaType> ranges = new ArrayList<>(MediaType.parseMediaTypes(accept));
			// Orders by quality first, then by specificity.
			MimeTypeUtils.sortBySpecificity(ranges);
			return ranges;
		}
		catch (IllegalArgumentException ex) {
			// InvalidMediaTypeException and InvalidMimeTypeException, also for over 50 ranges.
			return List.of();
		}
	}

}
