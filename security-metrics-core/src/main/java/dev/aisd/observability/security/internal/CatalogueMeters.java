package dev.aisd.observability.security.internal;

import dev.aisd.observability.security.SecurityMetricFamily;
import dev.aisd.observability.security.SecurityMetricFamily.Kind;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Builds the meters of catalogue families from their {@link SecurityMetricFamily}
 * entries: name, help, labels and buckets are read from the entry, never repeated. Each
 * factory checks that the entry has the kind and label count it builds, so a family
 * wired to the wrong factory fails when the collector is created, not on a scrape.
 */
public final class CatalogueMeters {

	private final MeterRegistry registry;

	private final int maxLabelValues;

	/**
	 * Create a factory.
	 * @param registry the registry to register into
	 * @param maxLabelValues distinct values per label before folding into {@code other}
	 */
	public CatalogueMeters(MeterRegistry registry, int maxLabelValues) {
		this.registry = registry;
		this.maxLabelValues = maxLabelValues;
	}

	/**
	 * Counters of a family with one label.
	 * @param family the family
	 * @return the counters, created on first use of a label value
	 */
	public OneLabelMeters<Counter> counters(SecurityMetricFamily family) {
		String label = label(family, Kind.COUNTER, 1, 0);
		return new OneLabelMeters<>(this.registry, family.prometheusName(), label, this.maxLabelValues,
				(value) -> Counter.builder(family.micrometerName())
					.description(family.help())
					.tag(label, value)
					.register(this.registry));
	}

	/**
	 * Counters of a family with two labels.
	 * @param family the family
	 * @return the counters, created on first use of a pair of label values
	 */
	public TwoLabelMeters<Counter> counters2(SecurityMetricFamily family) {
		String first = label(family, Kind.COUNTER, 2, 0);
		String second = family.labels().get(1);
		return new TwoLabelMeters<>(this.registry, family.prometheusName(), first, second, this.maxLabelValues,
				(firstValue, secondValue) -> Counter.builder(family.micrometerName())
					.description(family.help())
					.tags(first, firstValue, second, secondValue)
					.register(this.registry));
	}

	/**
	 * Histograms of a family with one label. Times are distribution summaries in seconds
	 * rather than Timers: the same exposition, without the Timer's conversion to
	 * nanoseconds and pause-detector bookkeeping on every record.
	 * @param family the family
	 * @return the histograms, created on first use of a label value
	 */
	public OneLabelMeters<DistributionSummary> histograms(SecurityMetricFamily family) {
		String label = label(family, Kind.HISTOGRAM, 1, 0);
		double[] buckets = family.buckets().boundaries();
		return new OneLabelMeters<>(this.registry, family.prometheusName(), label, this.maxLabelValues,
				(value) -> DistributionSummary.builder(family.micrometerName())
					.description(family.help())
					.baseUnit(family.baseUnit())
					.tag(label, value)
					.serviceLevelObjectives(buckets)
					.register(this.registry));
	}

	/**
	 * Gauges of a family with one label, each backed by a {@link GaugeValue}.
	 * @param family the family
	 * @return the gauge holders, created on first use of a label value
	 */
	public OneLabelMeters<GaugeValue> gauges(SecurityMetricFamily family) {
		String label = label(family, Kind.GAUGE, 1, 0);
		return new OneLabelMeters<>(this.registry, family.prometheusName(), label, this.maxLabelValues, (value) -> {
			GaugeValue holder = new GaugeValue();
			register(family, holder, Tags.of(label, value));
			return holder;
		});
	}

	/**
	 * The gauge of a family without labels.
	 * @param family the family
	 * @return its holder, registered now
	 */
	public GaugeValue gauge(SecurityMetricFamily family) {
		check(family, Kind.GAUGE, 0);
		GaugeValue holder = new GaugeValue();
		register(family, holder, Tags.empty());
		return holder;
	}

	/**
	 * The rolling mean-time windows by incident type, each behind the three mean-time
	 * gauges of its incident type.
	 * @param clock the clock that ages incidents
	 * @param size incidents kept per incident type
	 * @param maxAgeNanos how old an incident may be and still count
	 * @return the windows, created on first use of an incident type
	 */
	public OneLabelMeters<RollingMeanTimes> meanTimes(Clock clock, int size, long maxAgeNanos) {
		SecurityMetricFamily detect = SecurityMetricFamily.MEAN_TIME_TO_DETECT_SECONDS;
		String label = label(detect, Kind.GAUGE, 1, 0);
		return new OneLabelMeters<>(this.registry, detect.prometheusName(), label, this.maxLabelValues, (value) -> {
			RollingMeanTimes window = new RollingMeanTimes(clock, size, maxAgeNanos);
			Tags tags = Tags.of(label, value);
			meanTime(detect, window, RollingMeanTimes.DETECT, tags);
			meanTime(SecurityMetricFamily.MEAN_TIME_TO_RESPOND_SECONDS, window, RollingMeanTimes.RESPOND, tags);
			meanTime(SecurityMetricFamily.MEAN_TIME_TO_REMEDIATE_SECONDS, window, RollingMeanTimes.REMEDIATE, tags);
			return window;
		});
	}

	private void meanTime(SecurityMetricFamily family, RollingMeanTimes window, int index, Tags tags) {
		check(family, Kind.GAUGE, 1);
		Gauge.builder(family.micrometerName(), window, (times) -> times.mean(index))
			.description(family.help())
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
	}

	private void register(SecurityMetricFamily family, GaugeValue holder, Tags tags) {
		Gauge.builder(family.micrometerName(), holder, GaugeValue::get)
			.description(family.help())
			.tags(tags)
			.strongReference(true)
			.register(this.registry);
	}

	private static String label(SecurityMetricFamily family, Kind kind, int labels, int index) {
		check(family, kind, labels);
		return family.labels().get(index);
	}

	static void check(SecurityMetricFamily family, Kind kind, int labels) {
		if (family.kind() != kind || family.labels().size() != labels) {
			throw new IllegalStateException(family + " is a " + family.kind() + " with " + family.labels().size()
					+ " labels, not a " + kind + " with " + labels);
		}
	}

}
