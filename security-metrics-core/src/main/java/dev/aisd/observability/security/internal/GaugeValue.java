package dev.aisd.observability.security.internal;

/**
 * The value behind one gauge: written by the collector, read by the registry on scrape.
 * Starts as {@code NaN} ("no value yet") so that a scrape racing the first write never
 * reports an invented 0.
 */
public final class GaugeValue {

	private volatile double value = Double.NaN;

	/**
	 * Return the current value.
	 * @return the value, {@code NaN} before the first write
	 */
	public double get() {
		return this.value;
	}

	/**
	 * Set the value.
	 * @param value the new value
	 */
	public void set(double value) {
		this.value = value;
	}

	/**
	 * Return whether a value was written.
	 * @return whether the value is a number
	 */
	public boolean isSet() {
		return !Double.isNaN(this.value);
	}

}
