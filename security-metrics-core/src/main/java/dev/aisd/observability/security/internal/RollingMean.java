package dev.aisd.observability.security.internal;

import java.util.Arrays;

import io.micrometer.core.instrument.Clock;

/**
 * The rolling mean of one series of recorded times: the newest {@code capacity} samples
 * that are at most {@code maxAgeNanos} old (the seed keeps its newest 1,000 detection,
 * response and mitigation times the same way, without the age bound).
 * <p>
 * Memory is fixed at construction; adding is a few stores under a short lock and
 * allocates nothing; the mean is computed when read.
 */
public final class RollingMean {

	private final Clock clock;

	private final long maxAgeNanos;

	private final long[] times;

	private final double[] values;

	// Guarded by this: the next slot to write and how many slots hold a sample.
	private int next;

	private int size;

	/**
	 * Create an empty series.
	 * @param clock the clock whose monotonic time ages samples
	 * @param capacity how many samples the series keeps, at least 1
	 * @param maxAgeNanos how old a sample may be and still count, positive
	 */
	public RollingMean(Clock clock, int capacity, long maxAgeNanos) {
		this.clock = clock;
		this.maxAgeNanos = maxAgeNanos;
		this.times = new long[capacity];
		this.values = new double[capacity];
	}

	/**
	 * Add a sample, evicting the oldest when the series is full.
	 * @param value the sample
	 */
	public synchronized void add(double value) {
		int slot = this.next;
		this.times[slot] = this.clock.monotonicTime();
		this.values[slot] = value;
		this.next = (slot + 1 == this.times.length) ? 0 : slot + 1;
		if (this.size < this.times.length) {
			this.size++;
		}
	}

	/**
	 * Return the mean of the samples in the window.
	 * @return the mean, or {@code NaN} when the window holds no sample
	 */
	public synchronized double mean() {
		long oldest = this.clock.monotonicTime() - this.maxAgeNanos;
		double sum = 0;
		int count = 0;
		for (int i = 0; i < this.size; i++) {
			// Subtraction, not comparison, so a wrapping nanoTime origin cannot misorder.
			if (this.times[i] - oldest >= 0) {
				sum += this.values[i];
				count++;
			}
		}
		return (count > 0) ? sum / count : Double.NaN;
	}

	/**
	 * Return the samples in the window, oldest first.
	 * @return a copy of the samples
	 */
	public synchronized double[] samples() {
		long oldest = this.clock.monotonicTime() - this.maxAgeNanos;
		double[] result = new double[this.size];
		int count = 0;
		int start = (this.size < this.times.length) ? 0 : this.next;
		for (int i = 0; i < this.size; i++) {
			int slot = (start + i) % this.times.length;
			if (this.times[slot] - oldest >= 0) {
				result[count++] = this.values[slot];
			}
		}
		return Arrays.copyOf(result, count);
	}

}
