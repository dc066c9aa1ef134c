package dev.aisd.observability.metrics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.aisd.observability.test.Exposition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PrometheusScraper}.
 */
class PrometheusScraperTests {

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final PrometheusScraper scraper = new PrometheusScraper(this.registry.getPrometheusRegistry(),
			(java.util.Properties) null);

	@Test
	void scrapeWhenNoAcceptThenPrometheusText004() {
		assertThat(type(null)).isEqualTo("text/plain;version=0.0.4");
		assertThat(type("")).isEqualTo("text/plain;version=0.0.4");
		assertThat(type("*/*")).isEqualTo("text/plain;version=0.0.4");
		assertThat(type("text/plain")).isEqualTo("text/plain;version=0.0.4");
	}

	@Test
	void scrapeWhenPrometheusAcceptHeaderThenOpenMetrics() {
		assertThat(type(ServletMetricsIntegrationTests.PROMETHEUS_ACCEPT))
			.isEqualTo("application/openmetrics-text;version=1.0.0");
		assertThat(type("application/openmetrics-text")).isEqualTo("application/openmetrics-text;version=1.0.0");
		assertThat(type("text/plain;q=0.5, application/openmetrics-text;version=0.0.1"))
			.isEqualTo("application/openmetrics-text;version=1.0.0");
	}

	@Test
	void scrapeWhenAcceptIsMixedCaseThenStillMatches() {
		assertThat(type("Application/OpenMetrics-Text; Q=0.9, text/plain; q=0.1"))
			.isEqualTo("application/openmetrics-text;version=1.0.0");
	}

	@Test
	void scrapeWhenTextPreferredOverOpenMetricsThenText() {
		assertThat(type("application/openmetrics-text;q=0.2, text/plain;q=0.9"))
			.isEqualTo("text/plain;version=0.0.4");
	}

	@Test
	void scrapeWhenProtobufAskedThenProtobuf() {
		assertThat(type("application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"))
			.startsWith("application/vnd.google.protobuf");
	}

	@Test
	void scrapeWhenAcceptUnsupportedOrMalformedThenPrometheusText004() {
		assertThat(type("application/json")).isEqualTo("text/plain;version=0.0.4");
		assertThat(type("this is not;;; a media type ===")).isEqualTo("text/plain;version=0.0.4");
		assertThat(type("text/plain;q=0")).isEqualTo("text/plain;version=0.0.4");
		assertThat(type("\u00e9/\u00e9")).isEqualTo("text/plain;version=0.0.4");
		assertThat(type(",,;;/;q=")).isEqualTo("text/plain;version=0.0.4");
		assertThat(type("application/openmetrics-text;q=abc")).isEqualTo("text/plain;version=0.0.4");
		assertThat(type("application/openmetrics-text;q=7")).isEqualTo("text/plain;version=0.0.4");
		assertThat(type("x".repeat(100_000))).isEqualTo("text/plain;version=0.0.4");
	}

	@Test
	void scrapeWhenOpenMetricsThenEndsWithEof() {
		Counter.builder("demo.requests").register(this.registry).increment();
		String body = new String(this.scraper.scrape("application/openmetrics-text").body(), StandardCharsets.UTF_8);
		assertThat(body).contains("# TYPE demo_requests counter").contains("demo_requests_total 1.0").endsWith("# EOF\n");
	}

	@Test
	void scrapeWhenLabelValuesHoldHostileCharactersThenOutputStaysParsable() {
		Counter.builder("hostile").tag("value", "quote\" backslash\\ newline\n unicode \u00e9\u2713 }{,=").register(this.registry)
			.increment();
		Exposition exposition = Exposition.parse(text(null));
		assertThat(exposition.samples("hostile_total").get(0).labels())
			.containsEntry("value", "quote\" backslash\\ newline\n unicode \u00e9\u2713 }{,=");
	}

	@Test
	void scrapeWhileMetersAreRegisteredConcurrentlyThenEveryScrapeIsValid() throws Exception {
		int writers = 3;
		ExecutorService executor = Executors.newFixedThreadPool(writers + 1);
		AtomicBoolean done = new AtomicBoolean();
		CountDownLatch started = new CountDownLatch(writers + 1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				futures.add(executor.submit(() -> {
					started.countDown();
					for (int i = 0; i < 1500; i++) {
						String value = writer + "-" + i;
						Counter.builder("concurrent.counter").tag("id", value).register(this.registry).increment();
						Timer.builder("concurrent.timer")
							.tag("id", value)
							.serviceLevelObjectives(HttpRequestMetrics.DEFAULT_BUCKETS.toArray(java.time.Duration[]::new))
							.register(this.registry)
							.record(i, TimeUnit.MILLISECONDS);
						DistributionSummary.builder("concurrent.summary").tag("id", value).register(this.registry).record(i);
					}
					return null;
				}));
			}
			Future<Integer> scrapes = executor.submit(() -> {
				started.countDown();
				int count = 0;
				while (!done.get() || count < 5) {
					String text = text((count % 2 == 0) ? null : "application/openmetrics-text");
					Exposition.parse(text);
					count++;
				}
				return count;
			});
			started.await();
			for (Future<?> future : futures) {
				future.get(2, TimeUnit.MINUTES);
			}
			done.set(true);
			assertThat(scrapes.get(2, TimeUnit.MINUTES)).isGreaterThanOrEqualTo(5);
		}
		finally {
			done.set(true);
			executor.shutdownNow();
		}
		Exposition last = Exposition.parse(text(null));
		assertThat(last.samples("concurrent_counter_total")).hasSize(writers * 1500);
		assertThat(last.samples("concurrent_timer_seconds_bucket")).hasSize(writers * 1500 * 15);
	}

	private String type(String accept) {
		String type = this.scraper.scrape(accept).contentType();
		return Arrays.stream(type.split(";"))
			.map(String::trim)
			.filter((parameter) -> !parameter.startsWith("charset="))
			.collect(Collectors.joining(";"));
	}

	private String text(String accept) {
		return new String(this.scraper.scrape(accept).body(), StandardCharsets.UTF_8);
	}

}
