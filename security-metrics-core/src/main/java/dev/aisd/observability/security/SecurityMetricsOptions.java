package dev.aisd.observability.security;

import java.time.Duration;
import java.util.Objects;

import io.micrometer.core.instrument.Clock;

/**
 * Options of a {@link SecurityMetricsCollector}. Immutable; change with the
 * {@code with*} methods.
 *
 * @since 0.1.0
 */
public final class SecurityMetricsOptions {

	/** Default distinct values per label before folding into {@code other}. */
	public static final int DEFAULT_MAX_LABEL_VALUES = 100;

	/** Default number of incidents in the rolling mean-time window. */
	public static final int DEFAULT_ROLLING_WINDOW_SIZE = 100;

	/** Default age after which an incident leaves the rolling mean-time window. */
	public static final Duration DEFAULT_ROLLING_WINDOW_DURATION = Duration.ofHours(1);

	private static final SecurityMetricsOptions DEFAULTS = new SecurityMetricsOptions(DEFAULT_MAX_LABEL_VALUES,
			Clock.SYSTEM, DEFAULT_ROLLING_WINDOW_SIZE, DEFAULT_ROLLING_WINDOW_DURATION, null);

	private final int maxLabelValues;

	private final Clock clock;

	private final int rollingWindowSize;

	private final Duration rollingWindowDuration;

	private final SecurityEventListener eventListener;

	private SecurityMetricsOptions(int maxLabelValues, Clock clock, int rollingWindowSize, Duration rollingWindowDuration,
			SecurityEventListener eventListener) {
		if (maxLabelValues < 1) {
			throw new IllegalArgumentException("maxLabelValues must be at least 1 but was " + maxLabelValues);
		}
		if (rollingWindowSize < 1) {
			throw new IllegalArgumentException(
					"rollingWindowSize must be at least 1 but was " + rollingWindowSize);
		}
		Objects.requireNonNull(rollingWindowDuration, "rollingWindowDuration must not be null");
		if (rollingWindowDuration.isNegative() || rollingWindowDuration.isZero()) {
			throw new IllegalArgumentException(
					"rollingWindowDuration must be positive but was " + rollingWindowDuration);
		}
		this.maxLabelValues = maxLabelValues;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.rollingWindowSize = rollingWindowSize;
		this.rollingWindowDuration = rollingWindowDuration;
		this.eventListener = eventListener;
	}

	/**
	 * Return the defaults: 100 label values, the system clock, a window of the newest
	 * 100 incidents of at most one hour.
	 * @return the default options
	 */
	public static SecurityMetricsOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Return the distinct values kept per label before folding into {@code other}.
	 * @return the bound
	 */
	public int maxLabelValues() {
		return this.maxLabelValues;
	}

	/**
	 * Return the clock that ages the rolling windows.
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Return how many incidents (per incident type) the rolling window keeps.
	 * @return the window size
	 */
	public int rollingWindowSize() {
		return this.rollingWindowSize;
	}

	/**
	 * Return how old an incident may be and still count in the rolling window.
	 * @return the window duration
	 */
	public Duration rollingWindowDuration() {
		return this.rollingWindowDuration;
	}

	/**
	 * Return a copy with another label bound.
	 * @param maxLabelValues distinct values kept per label, at least 1
	 * @return the new options
	 */
	public SecurityMetricsOptions withMaxLabelValues(int maxLabelValues) {
		return new SecurityMetricsOptions(maxLabelValues, this.clock, this.rollingWindowSize, this.rollingWindowDuration,
				this.eventListener);
	}

	/**
	 * Return a copy with another clock.
	 * @param clock the clock
	 * @return the new options
	 */
	public SecurityMetricsOptions withClock(Clock clock) {
		return new SecurityMetricsOptions(this.maxLabelValues, clock, this.rollingWindowSize, this.rollingWindowDuration,
				this.eventListener);
	}

	/**
	 * Return a copy with another rolling window size.
	 * @param rollingWindowSize incidents kept per incident type, at least 1
	 * @return the new options
	 */
	public SecurityMetricsOptions withRollingWindowSize(int rollingWindowSize) {
		return new SecurityMetricsOptions(this.maxLabelValues, this.clock, rollingWindowSize, this.rollingWindowDuration,
				this.eventListener);
	}

	/**
	 * Return a copy with another rolling window duration.
	 * @param rollingWindowDuration how old an incident may be and still count, positive
	 * @return the new options
	 */
	public SecurityMetricsOptions withRollingWindowDuration(Duration rollingWindowDuration) {
		return new SecurityMetricsOptions(this.maxLabelValues, this.clock, this.rollingWindowSize, rollingWindowDuration,
				this.eventListener);
	}

	/**
	 * Return the listener told of every recorded security event.
	 * @return the listener, or {@code null} for none (the default)
	 */
	public SecurityEventListener eventListener() {
		return this.eventListener;
	}

	/**
	 * Return a copy with another event listener.
	 * @param eventListener the listener, or {@code null} for none
	 * @return the new options
	 */
	public SecurityMetricsOptions withEventListener(SecurityEventListener eventListener) {
		return new SecurityMetricsOptions(this.maxLabelValues, this.clock, this.rollingWindowSize, this.rollingWindowDuration,
				eventListener);
	}

}
