package dev.aisd.observability.security.internal;

import java.util.Arrays;

import io.micrometer.core.instrument.Clock;

/**
 * Rolling means of the time to detect, respond and remediate of one incident type, over
 * the newest {@code capacity} incidents that are at most {@code maxAgeNanos} old.
 * <p>
 * Memory is fixed at construction (a ring of {@code capacity} slots); the mean is
 * computed when read (on scrape), so incidents that age out stop counting even when no
 * new incident arrives. A value set directly through {@link #setDirect} wins until the
 * next recorded incident supplies that time again (last writer wins).
 */
public final class RollingMeanTimes {

	/** Index of the time to detect. */
	public static final int DETECT = 0;

	/** Index of the time to respond. */
	public static final int RESPOND = 1;

	/** Index of the time to remediate. */
	public static final int REMEDIATE = 2;

	private final Clock clock;

	private final long maxAgeNanos;

	private final long[] times;

	private final double[][] values;

	private final double[] direct = { Double.NaN, Double.NaN, Double.NaN };

	private final boolean[] directWins = new boolean[3];

	// Guarded by this: the next slot to write and how many slots hold an incident.
	private int next;

	private int size;

	/**
	 * Create an empty window.
	 * @param clock the clock whose monotonic time ages incidents
	 * @param capacity how many incidents the window keeps, at least 1
	 * @param maxAgeNanos how old an incident may be and still count, positive
	 */
	public RollingMeanTimes(Clock clock, int capacity, long maxAgeNanos) {
		this.clock = clock;
		this.maxAgeNanos = maxAgeNanos;
		this.times = new long[capacity];
		this.values = new double[3][capacity];
		for (double[] series : this.values) {
			Arrays.fill(series, Double.NaN);
		}
	}

	/**
	 * Add one incident; a {@code NaN} time means "not known" and is left out of its mean.
	 * @param detect the time to detect in seconds, or {@code NaN}
	 * @param respond the time to respond in seconds, or {@code NaN}
	 * @param remediate the time to remediate in seconds, or {@code NaN}
	 */
	public synchronized void add(double detect, double respond, double remediate) {
		int slot = this.next;
		this.times[slot] = this.clock.monotonicTime();
		this.values[DETECT][slot] = detect;
		this.values[RESPOND][slot] = respond;
		this.values[REMEDIATE][slot] = remediate;
		this.next = (slot + 1 == this.times.length) ? 0 : slot + 1;
		if (this.size < this.times.length) {
			this.size++;
		}
		if (!Double.isNaN(detect)) {
			this.directWins[DETECT] = false;
		}
		if (!Double.isNaN(respond)) {
			this.directWins[RESPOND] = false;
		}
		if (!Double.isNaN(remediate)) {
			this.directWins[REMEDIATE] = false;
		}
	}

	/**
	 * Set a mean directly, for callers that compute their own; it is reported until the
	 * next incident that supplies this time.
	 * @param index {@link #DETECT}, {@link #RESPOND} or {@link #REMEDIATE}
	 * @param seconds the mean in seconds
	 */
	public synchronized void setDirect(int index, double seconds) {
		this.direct[index] = seconds;
		this.directWins[index] = true;
	}

	/**
	 * Return the current mean of one time.
	 * @param index {@link #DETECT}, {@link #RESPOND} or {@link #REMEDIATE}
	 * @return the mean in seconds, or {@code NaN} when no incident in the window has it
	 */
	public synchronized double mean(int index) {
		if (this.directWins[index]) {
			return this.direct[index];
		}
		long oldest = this.clock.monotonicTime() - this.maxAgeNanos;
		double[] series = this.values[index];
		double sum = 0;
		int count = 0;
		for (int i = 0; i < this.size; i++) {
			// Subtraction, not comparison, so a wrapping nanoTime origin cannot misorder.
			if (this.times[i] - oldest >= 0 && !Double.isNaN(series[i])) {
				sum += series[i];
				count++;
			}
		}
		return (count > 0) ? sum / count : Double.NaN;
	}

	/**
	 * Return the mean time to detect.
	 * @return the mean in seconds or {@code NaN}
	 */
	public double meanTimeToDetect() {
		return mean(DETECT);
	}

	/**
	 * Return the mean time to respond.
	 * @return the mean in seconds or {@code NaN}
	 */
	public double meanTimeToRespond() {
		return mean(RESPOND);
	}

	/**
	 * Return the mean time to remediate.
	 * @return the mean in seconds or {@code NaN}
	 */
	public double meanTimeToRemediate() {
		return mean(REMEDIATE);
	}

}
