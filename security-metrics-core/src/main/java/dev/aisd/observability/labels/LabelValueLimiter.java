package dev.aisd.observability.labels;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bounds the distinct values of one caller-driven metric label: the first
 * {@code maxValues} distinct values pass through, later ones (and values longer than
 * {@link #MAX_VALUE_LENGTH}) fold into {@value #OTHER}, and every fold increments
 * {@code observability_label_values_folded_total{metric,label}} so the guard reports
 * itself.
 * <p>
 * Thread-safe. A value seen before is answered by one lock-free map lookup and no
 * allocation; only the first sighting of a value takes a lock.
 *
 * @since 0.1.0
 */
public final class LabelValueLimiter {

	/** Label value that stands for every value past the bound. */
	public static final String OTHER = "other";

	/** Longest label value kept as it is; longer ones fold into {@value #OTHER}. */
	public static final int MAX_VALUE_LENGTH = 128;

	/** Name of the counter of folded values, as Micrometer names it. */
	public static final String FOLDED_METER_NAME = "observability.label.values.folded";

	private final ConcurrentHashMap<String, String> accepted = new ConcurrentHashMap<>();

	private final int maxValues;

	private final Counter folded;

	/**
	 * Create a limiter for one label of one metric.
	 * @param registry the registry for the fold counter
	 * @param metric the name of the metric whose label is bounded
	 * @param label the name of the bounded label
	 * @param maxValues how many distinct values pass through, at least 1
	 */
	public LabelValueLimiter(MeterRegistry registry, String metric, String label, int maxValues) {
		if (maxValues < 1) {
			throw new IllegalArgumentException("maxValues must be at least 1 but was " + maxValues);
		}
		this.maxValues = maxValues;
		this.folded = Counter.builder(FOLDED_METER_NAME)
			.description("Label values folded into 'other' because a label exceeded its bound of distinct values")
			.tag("metric", metric)
			.tag("label", label)
			.register(registry);
	}

	/**
	 * Return the value to use for the label: {@code value} itself while the bound allows,
	 * {@value #OTHER} past it.
	 * @param value the value the caller supplied, not {@code null}
	 * @return the bounded value
	 */
	public String limit(String value) {
		String known = this.accepted.get(Objects.requireNonNull(value, "label value must not be null"));
		return (known != null) ? known : admit(value);
	}

	/**
	 * Return how many distinct values currently pass through.
	 * @return the number of accepted values
	 */
	public int acceptedCount() {
		return this.accepted.size();
	}

	private synchronized String admit(String value) {
		// Checked again under the lock: another thread may have admitted it meanwhile, and
		// the size test must not race with other admissions or the bound would leak.
		String known = this.accepted.get(value);
		if (known != null) {
			return known;
		}
		if (value.length() > MAX_VALUE_LENGTH || this.accepted.size() >= this.maxValues) {
			this.folded.increment();
			return OTHER;
		}
		this.accepted.put(value, value);
		return value;
	}

}
