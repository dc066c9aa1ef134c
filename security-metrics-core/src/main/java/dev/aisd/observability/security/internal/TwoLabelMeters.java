package dev.aisd.observability.security.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import dev.aisd.observability.labels.LabelValueLimiter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of one family with two caller-driven labels, created on first use and
 * cached in a two-level map so that a pair seen before costs two lock-free lookups and
 * no allocation (a composite key would allocate on every call).
 *
 * @param <M> the meter type
 */
public final class TwoLabelMeters<M> {

	/**
	 * Creates (and registers) the meter of a pair of bounded label values.
	 *
	 * @param <M> the meter type
	 */
	@FunctionalInterface
	public interface Factory<M> {

		/**
		 * Create the meter.
		 * @param first the bounded value of the first label
		 * @param second the bounded value of the second label
		 * @return the meter
		 */
		M create(String first, String second);

	}

	private final ConcurrentHashMap<String, ConcurrentHashMap<String, M>> meters = new ConcurrentHashMap<>();

	private final LabelValueLimiter firstLimiter;

	private final LabelValueLimiter secondLimiter;

	private final Factory<M> factory;

	/**
	 * Create a family.
	 * @param registry the registry for the limiters' fold counters
	 * @param family the Prometheus family name
	 * @param firstLabel the first label name
	 * @param secondLabel the second label name
	 * @param maxValues distinct values kept per label before folding into {@code other}
	 * @param factory creates (and registers) the meter of a pair of bounded label values
	 */
	public TwoLabelMeters(MeterRegistry registry, String family, String firstLabel, String secondLabel,
			int maxValues, Factory<M> factory) {
		this.firstLimiter = new LabelValueLimiter(registry, family, firstLabel, maxValues);
		this.secondLimiter = new LabelValueLimiter(registry, family, secondLabel, maxValues);
		this.factory = factory;
	}

	/**
	 * Return the meter of a pair of label values.
	 * @param first the first label value, not {@code null}
	 * @param second the second label value, not {@code null}
	 * @return the meter
	 */
	public M get(String first, String second) {
		ConcurrentHashMap<String, M> inner = this.meters.get(first);
		if (inner != null) {
			M meter = inner.get(second);
			if (meter != null) {
				return meter;
			}
		}
		return create(first, second);
	}

	private M create(String first, String second) {
		String boundedFirst = this.firstLimiter.limit(first);
		String boundedSecond = this.secondLimiter.limit(second);
		ConcurrentHashMap<String, M> inner = this.meters.computeIfAbsent(boundedFirst,
				(key) -> new ConcurrentHashMap<>());
		return inner.computeIfAbsent(boundedSecond, (key) -> this.factory.create(boundedFirst, key));
	}

	/**
	 * Call the action with every meter of the family.
	 * @param action the action, given the first label value and a meter of that value
	 */
	public void forEach(BiConsumer<String, M> action) {
		this.meters.forEach((first, inner) -> inner.forEach((second, meter) -> action.accept(first, meter)));
	}

}
