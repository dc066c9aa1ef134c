package dev.aisd.observability.sample.security;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled at
 * {@code refillPerSecond}. At most {@code maxClients} buckets are kept; when the map is
 * full, buckets that have refilled completely (equal to a new one) are dropped, and if
 * that frees nothing the newcomers share one overflow bucket, so a flood of spoofed
 * addresses cannot grow memory.
 */
final class ClientRateLimiter {

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Bucket overflow;

	private final double capacity;

	private final double refillPerNano;

	private final int maxClients;

	private final LongSupplier nanoClock;

	ClientRateLimiter(int capacity, double refillPerSecond, int maxClients, LongSupplier nanoClock) {
		if (capacity < 1 || refillPerSecond <= 0 || maxClients < 1) {
			throw new IllegalArgumentException("capacity, refill rate and max clients must be positive");
		}
		this.capacity = capacity;
		this.refillPerNano = refillPerSecond / 1_000_000_000.0;
		this.maxClients = maxClients;
		this.nanoClock = nanoClock;
		this.overflow = new Bucket(capacity, nanoClock.getAsLong());
	}

	/**
	 * Take one token for a client.
	 * @param client the client key (its address)
	 * @return whether the request may proceed
	 */
	boolean tryAcquire(String client) {
		long now = this.nanoClock.getAsLong();
		Bucket bucket = this.buckets.get(client);
		if (bucket == null) {
			bucket = admit(client, now);
		}
		return bucket.tryAcquire(now, this.capacity, this.refillPerNano);
	}

	int trackedClients() {
		return this.buckets.size();
	}

	private Bucket admit(String client, long now) {
		if (this.buckets.size() >= this.maxClients) {
			evictFull(now);
			if (this.buckets.size() >= this.maxClients) {
				return this.overflow;
			}
		}
		return this.buckets.computeIfAbsent(client, (key) -> new Bucket(this.capacity, now));
	}

	private void evictFull(long now) {
		for (Iterator<Bucket> iterator = this.buckets.values().iterator(); iterator.hasNext();) {
			if (iterator.next().isFull(now, this.capacity, this.refillPerNano)) {
				iterator.remove();
			}
		}
	}

	private static final class Bucket {

		// Guarded by this: a bucket is touched by one client's requests, so contention is low.
		private double tokens;

		private long updatedNanos;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updatedNanos = now;
		}

		synchronized boolean tryAcquire(long now, double capacity, double refillPerNano) {
			refill(now, capacity, refillPerNano);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

		synchronized boolean isFull(long now, double capacity, double refillPerNano) {
			refill(now, capacity, refillPerNano);
			return this.tokens >= capacity;
		}

		private void refill(long now, double capacity, double refillPerNano) {
			long elapsed = now - this.updatedNanos;
			if (elapsed > 0) {
				this.tokens = Math.min(capacity, this.tokens + elapsed * refillPerNano);
				this.updatedNanos = now;
			}
		}

	}

}
