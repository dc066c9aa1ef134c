package dev.aisd.observability.sample.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts hostile events per kind over the last {@value #WINDOW_SECONDS} seconds, in
 * one-second slots of a ring, so the posture gauges (threat level, active threats) follow
 * what the service actually sees.
 */
final class RecentAttacks {

	/** Length of the window. */
	static final int WINDOW_SECONDS = 300;

	/** Kinds of hostile events. */
	enum Kind {

		SQL_INJECTION, HONEYPOT, BOT, RATE_LIMIT, AUTH_FAILURE, BLOCKED_REQUEST, INTRUSION, EXFILTRATION

	}

	private final LongSupplier nanoClock;

	// Guarded by this: a few thousand events per second at most, and reads are periodic.
	private final long[] slotSecond = new long[WINDOW_SECONDS];

	private final int[][] counts = new int[WINDOW_SECONDS][Kind.values().length];

	RecentAttacks(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
		java.util.Arrays.fill(this.slotSecond, Long.MIN_VALUE);
	}

	synchronized void record(Kind kind) {
		long second = currentSecond();
		int slot = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
		if (this.slotSecond[slot] != second) {
			this.slotSecond[slot] = second;
			java.util.Arrays.fill(this.counts[slot], 0);
		}
		this.counts[slot][kind.ordinal()]++;
	}

	/**
	 * Count events of every kind in the last {@code seconds} seconds.
	 * @param seconds the span to count, at most {@value #WINDOW_SECONDS}
	 * @return the count per kind
	 */
	synchronized Map<Kind, Integer> countsWithin(int seconds) {
		long now = currentSecond();
		int span = Math.min(seconds, WINDOW_SECONDS);
		Map<Kind, Integer> result = new EnumMap<>(Kind.class);
		for (Kind kind : Kind.values()) {
			result.put(kind, 0);
		}
		for (int slot = 0; slot < WINDOW_SECONDS; slot++) {
			long age = now - this.slotSecond[slot];
			if (this.slotSecond[slot] != Long.MIN_VALUE && age >= 0 && age < span) {
				for (Kind kind : Kind.values()) {
					result.merge(kind, this.counts[slot][kind.ordinal()], Integer::sum);
				}
			}
		}
		return result;
	}

	/**
	 * The threat level 0..5 from the hostile events of the last minute (bots count a
	 * fifth, since a scripted client is not yet an attack): none 0, under 10 gives 1,
	 * under 200 gives 2, under 500 gives 3, under 1000 gives 4, more gives 5. The
	 * thresholds put the built-in traffic generator's ordinary mix at 2 (normal) and its
	 * attack spike at 5.
	 * @return the threat level
	 */
	int threatLevel() {
		Map<Kind, Integer> lastMinute = countsWithin(60);
		double hostile = lastMinute.get(Kind.SQL_INJECTION) + lastMinute.get(Kind.HONEYPOT)
				+ lastMinute.get(Kind.AUTH_FAILURE) + lastMinute.get(Kind.RATE_LIMIT)
				+ lastMinute.get(Kind.BLOCKED_REQUEST) + lastMinute.get(Kind.INTRUSION)
				+ lastMinute.get(Kind.EXFILTRATION) + lastMinute.get(Kind.BOT) / 5.0;
		if (hostile <= 0) {
			return 0;
		}
		if (hostile < 10) {
			return 1;
		}
		if (hostile < 200) {
			return 2;
		}
		if (hostile < 500) {
			return 3;
		}
		return (hostile < 1000) ? 4 : 5;
	}

	private long currentSecond() {
		return Math.floorDiv(this.nanoClock.getAsLong(), 1_000_000_000L);
	}

}
