package dev.aisd.observability.security.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.aisd.observability.labels.LabelValueLimiter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters (or gauge holders) of one family with one caller-driven label, created on
 * first use and cached by label value.
 * <p>
 * A value seen before costs one lock-free map lookup and no allocation: the map is
 * keyed by the values the {@link LabelValueLimiter} admitted, so a hit needs no limiter
 * call. Only a miss (a new value, or a value folded into {@code other}) goes through the
 * limiter.
 *
 * @param <M> the meter or holder type
 */
public final class OneLabelMeters<M> {

	private final ConcurrentHashMap<String, M> meters = new ConcurrentHashMap<>();

	private final LabelValueLimiter limiter;

	private final Function<String, M> factory;

	/**
	 * Create a family.
	 * @param registry the registry for the limiter's fold counter
	 * @param family the Prometheus family name
	 * @param label the label name
	 * @param maxValues distinct values kept before folding into {@code other}
	 * @param factory creates (and registers) the meter of a bounded label value
	 */
	public OneLabelMeters(MeterRegistry registry, String family, String label, int maxValues,
			Function<String, M> factory) {
		this.limiter = new LabelValueLimiter(registry, family, label, maxValues);
		this.factory = factory;
	}

	/**
	 * Return the meter of a label value.
	 * @param value the label value, not {@code null}
	 * @return the meter
	 */
	public M get(String value) {
		M meter = this.meters.get(value);
		return (meter != null) ? meter : create(value);
	}

	private M create(String value) {
		return this.meters.computeIfAbsent(this.limiter.limit(value), this.factory);
	}

	/**
	 * Call the action with every bounded label value and its meter.
	 * @param action the action
	 */
	public void forEach(BiConsumer<String, M> action) {
		this.meters.forEach(action);
	}

}
