package dev.aisd.observability.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Renders a {@link PrometheusRegistry} for a scrape, in the format the scraper's
 * {@code Accept} header asks for: Prometheus text 0.0.4 by default, OpenMetrics text
 * 1.0.0 or the Prometheus protobuf format when preferred.
 *
 * @since 0.1.0
 */
public class PrometheusScraper {

	private static final int SIZE_SLACK = 1024;

	private final PrometheusRegistry registry;

	private final List<Format> formats;

	private volatile int expectedSize = 16 * 1024;

	/**
	 * Create a scraper.
	 * @param registry the registry to render
	 * @param properties the Prometheus client properties that configure the exposition
	 * formats
	 */
	public PrometheusScraper(PrometheusRegistry registry, PrometheusProperties properties) {
		this.registry = registry;
		ExpositionFormats expositionFormats = ExpositionFormats.init(properties.getExporterProperties());
		// In order of preference when the client accepts several equally.
		List<ExpositionFormatWriter> writers = List.of(expositionFormats.getPrometheusTextFormatWriter(),
				expositionFormats.getOpenMetricsTextFormatWriter(), expositionFormats.getPrometheusProtobufWriter());
		this.formats = writers.stream()
			.filter(ExpositionFormatWriter::isAvailable)
			.map((writer) -> new Format(MediaType.parseMediaType(writer.getContentType()), writer))
			.toList();
	}

	/**
	 * Render the registry.
	 * @param accept the value of the {@code Accept} header, or {@code null}
	 * @return the rendered scrape
	 */
	public Scrape scrape(String accept) {
		Format format = negotiate(accept);
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(this.expectedSize);
			format.writer().write(out, this.registry.scrape());
			byte[] body = out.toByteArray();
			this.expectedSize = body.length + SIZE_SLACK;
			return new Scrape(format.mediaType(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Writing metrics failed", ex);
		}
	}

	/**
	 * Pick the format with the highest quality in the {@code Accept} header; ties go to the
	 * earlier format, so {@code *}{@code /*}, a missing or an unparsable header gives
	 * Prometheus text 0.0.4, and so does a header that accepts none of the formats.
	 */
	private Format negotiate(String accept) {
		Format best = this.formats.get(0);
		if (accept == null || accept.isBlank()) {
			return best;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return best;
		}
		double bestQuality = 0;
		for (Format format : this.formats) {
			double quality = quality(accepted, format.mediaType());
			if (quality > bestQuality) {
				best = format;
				bestQuality = quality;
			}
		}
		return best;
	}

	/**
	 * Quality of the most specific accepted type that includes {@code type} (parameters such
	 * as {@code version} are not compared), or 0.
	 */
	private static double quality(List<MediaType> accepted, MediaType type) {
		MediaType match = null;
		for (MediaType candidate : accepted) {
			if (candidate.includes(type) && (match == null || specificity(candidate) > specificity(match))) {
				match = candidate;
			}
		}
		return (match != null) ? match.getQualityValue() : 0;
	}

	private static int specificity(MediaType type) {
		return (type.isWildcardType() ? 0 : 1) + (type.isWildcardSubtype() ? 0 : 1);
	}

	/**
	 * One rendered scrape.
	 *
	 * @param contentType the content type of the body
	 * @param body the rendered metrics
	 */
	public record Scrape(MediaType contentType, byte[] body) {

	}

	private record Format(MediaType mediaType, ExpositionFormatWriter writer) {

	}

}
