package dev.aisd.observability.sample.security;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Client addresses blocked for a while (after they touched a honeypot), and a memory of
 * past offenders to rate the reputation of an address. Both are bounded.
 */
final class BlockedClients {

	private final ConcurrentHashMap<String, Long> blockedUntil = new ConcurrentHashMap<>();

	// Guarded by itself: an access-ordered map is an LRU, and offences are rare.
	private final Map<String, Integer> offences;

	private final long blockNanos;

	private final int maxClients;

	private final LongSupplier nanoClock;

	BlockedClients(Duration blockDuration, int maxClients, LongSupplier nanoClock) {
		this.blockNanos = blockDuration.toNanos();
		this.maxClients = maxClients;
		this.nanoClock = nanoClock;
		this.offences = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
				return size() > maxClients;
			}

		};
	}

	/**
	 * Whether a client is blocked now.
	 * @param client the client address
	 * @return whether its requests must be refused
	 */
	boolean isBlocked(String client) {
		Long until = this.blockedUntil.get(client);
		if (until == null) {
			return false;
		}
		if (until - this.nanoClock.getAsLong() > 0) {
			return true;
		}
		this.blockedUntil.remove(client, until);
		return false;
	}

	/**
	 * Block a client for the configured duration and remember the offence.
	 * @param client the client address
	 * @return how many offences the client had before this one
	 */
	int block(String client) {
		long now = this.nanoClock.getAsLong();
		if (this.blockedUntil.size() >= this.maxClients) {
			purgeExpired(now);
		}
		// When the map is still full the block is skipped rather than growing memory; the
		// offence is remembered and the honeypot hit is still recorded.
		if (this.blockedUntil.size() < this.maxClients || this.blockedUntil.containsKey(client)) {
			this.blockedUntil.put(client, now + this.blockNanos);
		}
		synchronized (this.offences) {
			Integer previous = this.offences.get(client);
			this.offences.put(client, (previous != null) ? previous + 1 : 1);
			return (previous != null) ? previous : 0;
		}
	}

	/**
	 * Count the clients blocked now.
	 * @return the number of blocked clients
	 */
	int blockedCount() {
		purgeExpired(this.nanoClock.getAsLong());
		return this.blockedUntil.size();
	}

	private void purgeExpired(long now) {
		for (Iterator<Long> iterator = this.blockedUntil.values().iterator(); iterator.hasNext();) {
			if (iterator.next() - now <= 0) {
				iterator.remove();
			}
		}
	}

}
