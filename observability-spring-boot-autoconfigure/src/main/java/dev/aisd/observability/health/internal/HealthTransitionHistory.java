package dev.aisd.observability.health.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.aisd.observability.health.HealthStatus;

/**
 * The last status changes of every check, kept in memory: each check keeps at most a
 * fixed number of transitions (the oldest fall off), and a check's history goes with the
 * check when it is removed, so memory is bounded by checks times capacity. Fed by the
 * engine as a {@link HealthCheckListener}; the first run of a check counts as a
 * transition from no status.
 */
public final class HealthTransitionHistory implements HealthCheckListener {

	private final int capacity;

	private final Map<String, CheckHistory> checks = new ConcurrentHashMap<>();

	/** Bumped on every change, so a reader can tell cheaply whether anything happened. */
	private final AtomicLong version = new AtomicLong();

	/**
	 * Creates the history.
	 * @param capacity how many transitions each check keeps, at least 1
	 */
	public HealthTransitionHistory(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1 but was " + capacity);
		}
		this.capacity = capacity;
	}

	@Override
	public void registered(CheckSettings settings) {
		this.checks.computeIfAbsent(settings.name(), (name) -> new CheckHistory());
		this.version.incrementAndGet();
	}

	@Override
	public void finished(CheckSettings settings, CheckOutcome outcome) {
		CheckHistory history = this.checks.get(settings.name());
		if (history != null && history.add(outcome, this.capacity)) {
			this.version.incrementAndGet();
		}
	}

	@Override
	public void unregistered(CheckSettings settings) {
		if (this.checks.remove(settings.name()) != null) {
			this.version.incrementAndGet();
		}
	}

	/**
	 * Returns a number that changes whenever the history does.
	 * @return the version
	 */
	public long version() {
		return this.version.get();
	}

	/**
	 * Returns how many transitions each check keeps.
	 * @return the capacity
	 */
	public int capacity() {
		return this.capacity;
	}

	/**
	 * Returns the transitions of every registered check, oldest first.
	 * @return the transitions by check name, sorted by name
	 */
	public Map<String, List<Transition>> snapshot() {
		Map<String, List<Transition>> result = new TreeMap<>();
		this.checks.forEach((name, history) -> result.put(name, history.list()));
		return result;
	}

	/**
	 * One change of a check's reported status.
	 *
	 * @param from the status before, {@code null} for the first run
	 * @param to the status after
	 * @param at when the run that changed it finished
	 * @param durationMs how long that run took
	 */
	public record Transition(HealthStatus from, HealthStatus to, Instant at, long durationMs) {
	}

	private static final class CheckHistory {

		// Guarded by this: runs of one check may finish on different threads (a timeout and
		// a late result), and they are rare, so a lock costs nothing that matters.
		private final Deque<Transition> transitions = new ArrayDeque<>();

		private HealthStatus current;

		synchronized boolean add(CheckOutcome outcome, int capacity) {
			if (outcome.status() == this.current) {
				return false;
			}
			this.transitions.addLast(
					new Transition(this.current, outcome.status(), outcome.finishedAt(), outcome.durationMs()));
			if (this.transitions.size() > capacity) {
				this.transitions.removeFirst();
			}
			this.current = outcome.status();
			return true;
		}

		synchronized List<Transition> list() {
			return List.copyOf(new ArrayList<>(this.transitions));
		}

	}

}
