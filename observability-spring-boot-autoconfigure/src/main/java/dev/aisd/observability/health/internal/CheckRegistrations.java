package dev.aisd.observability.health.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered checks by name, and the listeners told about every registration change.
 * Registrations are rare and serialized by one lock; requests read a name-sorted array
 * that is rebuilt on each change, so they never sort or lock.
 */
final class CheckRegistrations {

	private static final SingleFlightCheck[] NO_CHECKS = {};

	private final ConcurrentHashMap<String, SingleFlightCheck> checks = new ConcurrentHashMap<>();

	// Sorted by name; rebuilt on (rare) registration changes so requests never sort.
	private volatile SingleFlightCheck[] sorted = NO_CHECKS;

	private final Object lock = new Object();

	private final List<HealthCheckListener> listeners;

	CheckRegistrations(List<HealthCheckListener> listeners) {
		this.listeners = listeners;
	}

	/** Adds a listener and tells it about the checks registered so far. */
	void addListener(HealthCheckListener listener) {
		synchronized (this.lock) {
			this.listeners.add(listener);
			for (SingleFlightCheck check : this.sorted) {
				listener.registered(check.settings);
			}
		}
	}

	/**
	 * Adds a check and tells the listeners.
	 * @throws IllegalStateException if a check of that name exists
	 */
	void add(SingleFlightCheck check) {
		String name = check.settings.name();
		synchronized (this.lock) {
			SingleFlightCheck existing = this.checks.putIfAbsent(name, check);
			if (existing != null) {
				throw new IllegalStateException("Duplicate health check name '" + name + "': declared by "
						+ existing.source + " and by " + check.source);
			}
			refreshSorted();
			for (HealthCheckListener listener : this.listeners) {
				listener.registered(check.settings);
			}
		}
	}

	/**
	 * Removes a check and tells the listeners.
	 * @return the check removed, or {@code null} if there was none of that name
	 */
	SingleFlightCheck remove(String name) {
		synchronized (this.lock) {
			SingleFlightCheck check = this.checks.remove(name);
			if (check == null) {
				return null;
			}
			refreshSorted();
			for (HealthCheckListener listener : this.listeners) {
				listener.unregistered(check.settings);
			}
			return check;
		}
	}

	SingleFlightCheck get(String name) {
		return this.checks.get(name);
	}

	/** The checks sorted by name; the caller must not modify the array. */
	SingleFlightCheck[] sorted() {
		return this.sorted;
	}

	Set<String> names() {
		return Collections.unmodifiableSet(new TreeSet<>(this.checks.keySet()));
	}

	private void refreshSorted() {
		SingleFlightCheck[] checks = this.checks.values().toArray(NO_CHECKS);
		Arrays.sort(checks, Comparator.comparing((SingleFlightCheck check) -> check.settings.name()));
		this.sorted = checks;
	}

}
