package dev.aisd.observability.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

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
			.map(Format::of)
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
			return new Scrape(format.contentType(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Writing metrics failed", ex);
		}
	}

	/**
	 * Pick the format with the highest quality in the {@code Accept} header; ties go to the
	 * earlier format, so {@code *}{@code /*}, a missing or a malformed header gives
	 * Prometheus text 0.0.4, and so does a header that accepts none of the formats (a
	 * scraper is better served by the default format than by a 406).
	 */
	private Format negotiate(String accept) {
		Format best = this.formats.get(0);
		if (accept == null || accept.isBlank()) {
			return best;
		}
		List<Accepted> accepted = Accepted.parse(accept);
		double bestQuality = 0;
		for (Format format : this.formats) {
			double quality = quality(accepted, format);
			if (quality > bestQuality) {
				best = format;
				bestQuality = quality;
			}
		}
		return best;
	}

	/**
	 * Quality of the most specific accepted range that includes the format (parameters such
	 * as {@code version} are not compared), or 0.
	 */
	private static double quality(List<Accepted> accepted, Format format) {
		Accepted match = null;
		for (Accepted candidate : accepted) {
			if (candidate.includes(format) && (match == null || candidate.specificity() > match.specificity())) {
				match = candidate;
			}
		}
		return (match != null) ? match.quality() : 0;
	}

	/**
	 * One rendered scrape.
	 *
	 * @param contentType the content type of the body
	 * @param body the rendered metrics
	 */
	public record Scrape(String contentType, byte[] body) {

	}

	private record Format(String contentType, String type, String subtype, ExpositionFormatWriter writer) {

		static Format of(ExpositionFormatWriter writer) {
			String contentType = writer.getContentType();
			int semicolon = contentType.indexOf(';');
			String mime = ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).trim();
			int slash = mime.indexOf('/');
			return new Format(contentType, mime.substring(0, slash).toLowerCase(Locale.ROOT),
					mime.substring(slash + 1).toLowerCase(Locale.ROOT), writer);
		}

	}

	/**
	 * One media range of an {@code Accept} header.
	 */
	private record Accepted(String type, String subtype, double quality) {

		static List<Accepted> parse(String header) {
			List<Accepted> ranges = new ArrayList<>();
			for (String range : header.split(",")) {
				String[] parts = range.split(";");
				String mime = parts[0].trim().toLowerCase(Locale.ROOT);
				int slash = mime.indexOf('/');
				if (slash <= 0 || slash == mime.length() - 1) {
					continue;
				}
				double quality = 1;
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].trim();
					if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
							&& parameter.charAt(1) == '=') {
						quality = parseQuality(parameter.substring(2));
					}
				}
				ranges.add(new Accepted(mime.substring(0, slash).trim(), mime.substring(slash + 1).trim(), quality));
			}
			return ranges;
		}

		private static double parseQuality(String value) {
			try {
				double quality = Double.parseDouble(value.trim());
				return (quality >= 0 && quality <= 1) ? quality : 0;
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

		boolean includes(Format format) {
			return (this.type.equals("*") || this.type.equals(format.type()))
					&& (this.subtype.equals("*") || this.subtype.equals(format.subtype()));
		}

		int specificity() {
			return (this.type.equals("*") ? 0 : 1) + (this.subtype.equals("*") ? 0 : 1);
		}

	}

}
