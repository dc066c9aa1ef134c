package dev.aisd.observability.benchmarks.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.metrics.HttpRequestMetrics;
import dev.aisd.observability.metrics.PrometheusScraper;
import dev.aisd.observability.web.CompletedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to render {@code /metrics} with about 2,000 series: a simulated security catalogue
 * (counters and gauges with bounded labels, histograms with {@code _bucket} series), the
 * HTTP metrics of 10 routes and the JVM and process binders.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ScrapeBenchmark {

	/** Whether Spring Boot's JVM and process binders are bound too, as in an application. */
	@Param({ "true", "false" })
	public boolean jvmBinders;

	private PrometheusMeterRegistry registry;

	private PrometheusScraper scraper;

	private JvmGcMetrics gcMetrics;

	@Setup(Level.Trial)
	public void setUp() {
		this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.registry.config().commonTags("service", "benchmark");
		populateSecurityCatalogue();
		populateHttp();
		this.gcMetrics = new JvmGcMetrics();
		if (this.jvmBinders) {
			new JvmMemoryMetrics().bindTo(this.registry);
			this.gcMetrics.bindTo(this.registry);
			new JvmThreadMetrics().bindTo(this.registry);
			new ClassLoaderMetrics().bindTo(this.registry);
			new ProcessorMetrics().bindTo(this.registry);
			new UptimeMetrics().bindTo(this.registry);
		}
		this.scraper = new PrometheusScraper(this.registry.getPrometheusRegistry(), (java.util.Properties) null);
		String text = new String(this.scraper.scrape(null).body(), java.nio.charset.StandardCharsets.UTF_8);
		long series = text.lines().filter((line) -> !line.isEmpty() && !line.startsWith("#")).count();
		System.out.println("Series in the scrape: " + series + ", bytes: " + text.length());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.gcMetrics.close();
	}

	/** 30 counter families x 30 label combinations, 6 gauge families x 10, 6 histograms x 6 (x 15 lines). */
	private void populateSecurityCatalogue() {
		for (int family = 0; family < 30; family++) {
			for (int value = 0; value < 30; value++) {
				Counter.builder("security.family" + family)
					.tag("type", "type_" + (value % 10))
					.tag("severity", "sev_" + (value / 10))
					.register(this.registry)
					.increment(value);
			}
		}
		for (int family = 0; family < 6; family++) {
			for (int value = 0; value < 10; value++) {
				double constant = value;
				Gauge.builder("security.gauge" + family + ".current", () -> constant)
					.tag("category", "c" + value)
					.register(this.registry);
			}
		}
		double[] slos = { 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600 };
		for (int family = 0; family < 6; family++) {
			for (int value = 0; value < 6; value++) {
				DistributionSummary summary = DistributionSummary.builder("security.latency" + family)
					.baseUnit("seconds")
					.tag("detection_method", "m" + value)
					.serviceLevelObjectives(slos)
					.register(this.registry);
				for (int i = 0; i < 50; i++) {
					summary.record(i * 0.7);
				}
			}
		}
	}

	private void populateHttp() {
		HttpRequestMetrics metrics = new HttpRequestMetrics(this.registry);
		int[] statuses = { 200, 404, 500 };
		for (int route = 0; route < 10; route++) {
			for (String method : new String[] { "GET", "POST" }) {
				for (int status : statuses) {
					metrics.onCompleted(new CompletedRequest(method, "/route/" + route + "/{id}", "/r", status,
							2_000_000, null, null, null, null, null));
				}
			}
		}
		Timer.builder("unused").register(this.registry).record(Duration.ofMillis(1));
	}

	@Benchmark
	public byte[] scrapePrometheusText() {
		return this.scraper.scrape(null).body();
	}

	@Benchmark
	public byte[] scrapeOpenMetrics() {
		return this.scraper.scrape("application/openmetrics-text;version=1.0.0").body();
	}

	@Benchmark
	public String registryScrape() {
		return this.registry.scrape();
	}

}
