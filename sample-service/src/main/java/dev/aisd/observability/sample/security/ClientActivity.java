package dev.aisd.observability.sample.security;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What each client did in its current window (requests, error answers, item lookups),
 * and the findings a simple behaviour detector draws from it, each at most once per
 * client and window:
 * <ul>
 * <li>a request burst: {@code requestThreshold} requests within one window; the faster
 * the threshold is reached, the higher the score (0.5 at the end of the window, near 1
 * for an instant burst);</li>
 * <li>an error burst: {@code errorThreshold} error answers (status 400 and above) that
 * are at least half of the client's requests; the score is that share;</li>
 * <li>an enumeration: {@code lookupThreshold} lookups of single items, the pattern of a
 * client walking through ids to copy the catalogue.</li>
 * </ul>
 * At most {@code maxClients} windows are kept; when the map is full, finished windows are
 * dropped, and if that frees nothing a newcomer is not tracked, so a flood of spoofed
 * addresses cannot grow memory.
 */
final class ClientActivity {

	/** What the detector found. */
	enum Kind {

		REQUEST_BURST, ERROR_BURST, ENUMERATION

	}

	/**
	 * One finding.
	 *
	 * @param kind what was found
	 * @param score how anomalous, 0..1
	 */
	record Finding(Kind kind, double score) {
	}

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	private final long windowNanos;

	private final int requestThreshold;

	private final int errorThreshold;

	private final int lookupThreshold;

	private final int maxClients;

	private final LongSupplier nanoClock;

	ClientActivity(Duration window, int requestThreshold, int errorThreshold, int lookupThreshold, int maxClients,
			LongSupplier nanoClock) {
		if (window.isNegative() || window.isZero() || requestThreshold < 1 || errorThreshold < 1
				|| lookupThreshold < 1 || maxClients < 1) {
			throw new IllegalArgumentException("window, thresholds and max clients must be positive");
		}
		this.windowNanos = window.toNanos();
		this.requestThreshold = requestThreshold;
		this.errorThreshold = errorThreshold;
		this.lookupThreshold = lookupThreshold;
		this.maxClients = maxClients;
		this.nanoClock = nanoClock;
	}

	/**
	 * Note a request.
	 * @param client the client address
	 * @param itemLookup whether it looks up a single item
	 * @return a request burst or an enumeration found now, or {@code null}
	 */
	Finding request(String client, boolean itemLookup) {
		long now = this.nanoClock.getAsLong();
		Window window = window(client, now);
		return (window != null) ? window.request(now, itemLookup) : null;
	}

	/**
	 * Note the status of an answer to a client.
	 * @param client the client address
	 * @param status the HTTP status
	 * @return an error burst found now, or {@code null}
	 */
	Finding response(String client, int status) {
		if (status < 400) {
			return null;
		}
		Window window = this.windows.get(client);
		return (window != null) ? window.error(this.nanoClock.getAsLong()) : null;
	}

	int trackedClients() {
		return this.windows.size();
	}

	private Window window(String client, long now) {
		Window window = this.windows.get(client);
		if (window != null) {
			return window;
		}
		if (this.windows.size() >= this.maxClients) {
			for (Iterator<Window> iterator = this.windows.values().iterator(); iterator.hasNext();) {
				if (iterator.next().isOver(now)) {
					iterator.remove();
				}
			}
			if (this.windows.size() >= this.maxClients) {
				return null;
			}
		}
		return this.windows.computeIfAbsent(client, (key) -> new Window(now));
	}

	private final class Window {

		// Guarded by this: a window is touched by one client's requests.
		private long startNanos;

		private int requests;

		private int errors;

		private int lookups;

		private boolean requestBurstFound;

		private boolean errorBurstFound;

		private boolean enumerationFound;

		Window(long now) {
			this.startNanos = now;
		}

		synchronized Finding request(long now, boolean itemLookup) {
			rollIfOver(now);
			this.requests++;
			if (itemLookup) {
				this.lookups++;
				if (!this.enumerationFound && this.lookups >= ClientActivity.this.lookupThreshold) {
					this.enumerationFound = true;
					return new Finding(Kind.ENUMERATION,
							Math.min(1.0, (double) this.lookups / ClientActivity.this.lookupThreshold));
				}
			}
			if (!this.requestBurstFound && this.requests >= ClientActivity.this.requestThreshold) {
				this.requestBurstFound = true;
				double elapsed = (double) (now - this.startNanos) / ClientActivity.this.windowNanos;
				return new Finding(Kind.REQUEST_BURST, Math.max(0.5, Math.min(1.0, 1.0 - elapsed / 2)));
			}
			return null;
		}

		synchronized Finding error(long now) {
			if (isOver(now)) {
				// The request was counted in a window that has ended; its error belongs there.
				return null;
			}
			this.errors++;
			if (!this.errorBurstFound && this.errors >= ClientActivity.this.errorThreshold) {
				double share = (double) this.errors / Math.max(this.errors, this.requests);
				if (share >= 0.5) {
					this.errorBurstFound = true;
					return new Finding(Kind.ERROR_BURST, share);
				}
			}
			return null;
		}

		synchronized boolean isOver(long now) {
			return now - this.startNanos >= ClientActivity.this.windowNanos;
		}

		private void rollIfOver(long now) {
			if (now - this.startNanos >= ClientActivity.this.windowNanos) {
				this.startNanos = now;
				this.requests = 0;
				this.errors = 0;
				this.lookups = 0;
				this.requestBurstFound = false;
				this.errorBurstFound = false;
				this.enumerationFound = false;
			}
		}

	}

}
