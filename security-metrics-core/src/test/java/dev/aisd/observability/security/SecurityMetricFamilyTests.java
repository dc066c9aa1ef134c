package dev.aisd.observability.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.aisd.observability.test.Exposition;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue as data is the single source: the docs table, the names constants and
 * what Prometheus scrapes all agree with {@link SecurityMetricFamily}.
 */
class SecurityMetricFamilyTests {

	/** The first four cells of a catalogue row as the docs must show them. */
	static String row(SecurityMetricFamily family) {
		String labels = family.labels().isEmpty() ? "(none)" : String.join(", ", family.labels());
		return "| `" + family.prometheusName() + "` | " + family.kind().description() + " | " + labels + " | "
				+ family.help() + " |";
	}

	@Test
	void documentationWhenReadThenCatalogueTableIsMadeFromTheCatalogueInItsOrder() throws IOException {
		String doc = Files.readString(Path.of("..", "docs", "security-metrics.md"));
		String table = doc.substring(doc.indexOf("## The catalogue"), doc.indexOf("PromQL examples"));
		Map<String, String> documented = new LinkedHashMap<>();
		for (String line : table.split("\n")) {
			if (line.startsWith("| `security_")) {
				documented.put(line.substring(3, line.indexOf('`', 3)), line);
			}
		}
		List<String> expectedOrder = new ArrayList<>();
		for (SecurityMetricFamily family : SecurityMetricFamily.values()) {
			expectedOrder.add(family.prometheusName());
			assertThat(documented.get(family.prometheusName())).as(family.prometheusName())
				.startsWith(row(family));
		}
		documented.remove(SecurityMetricNames.REJECTED_INPUTS);
		assertThat(documented.keySet()).containsExactlyElementsOf(expectedOrder);
	}

	@Test
	void namesWhenComparedThenCatalogueConstantListsEveryFamilyOnce() {
		assertThat(SecurityMetricNames.CATALOGUE).containsExactlyElementsOf(SecurityMetricFamily.prometheusNames())
			.doesNotHaveDuplicates()
			.hasSize(SecurityMetricFamily.values().length);
	}

	@Test
	void scrapeWhenEveryFamilyRecordedThenTypesAndLabelsAreTheCatalogues() {
		PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		SecurityMetricsExpositionTests.recordEveryFamily(new SecurityMetricsCollector(registry));
		Exposition text = Exposition.parse(registry.scrape());
		for (SecurityMetricFamily family : SecurityMetricFamily.values()) {
			String name = family.prometheusName();
			String type = switch (family.kind()) {
				case COUNTER -> "counter";
				case HISTOGRAM -> "histogram";
				case GAUGE, INFO -> "gauge";
			};
			assertThat(text.types()).as(name).containsEntry(name, type);
			// A histogram's labels show on its _count series (the _bucket series add le).
			String series = (family.kind() == SecurityMetricFamily.Kind.HISTOGRAM) ? name + "_count" : name;
			assertThat(text.labelNames().get(series)).as(name)
				.isNotEmpty()
				.allSatisfy((labels) -> assertThat(new TreeSet<>(labels)).isEqualTo(new TreeSet<>(family.labels())));
		}
	}

	@Test
	void bucketsWhenHistogramThenScoresOrSecondsAndNoneOtherwise() {
		for (SecurityMetricFamily family : SecurityMetricFamily.values()) {
			boolean histogram = family.kind() == SecurityMetricFamily.Kind.HISTOGRAM;
			assertThat(family.buckets() != SecurityMetricFamily.Buckets.NONE).as(family.name()).isEqualTo(histogram);
		}
		assertThat(SecurityMetricFamily.Buckets.SCORES.boundaries()).startsWith(0.1).endsWith(1.0);
		assertThat(SecurityMetricFamily.DETECTION_LATENCY_SECONDS.micrometerName()).isEqualTo("security.detection.latency");
		assertThat(SecurityMetricFamily.ATTACKS_BLOCKED.micrometerName()).isEqualTo("security.attacks.blocked");
	}

}
