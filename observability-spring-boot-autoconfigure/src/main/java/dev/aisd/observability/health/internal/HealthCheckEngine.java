package dev.aisd.observability.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.aisd.observability.health.HealthCheckFunction;
import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckRegistry;
import dev.aisd.observability.health.HealthCheckResult;
import dev.aisd.observability.health.HealthStatus;

/**
 * Runs the registered checks: concurrently on a bounded pool, each with a timeout, at
 * most one run per check at a time, results cached for a TTL, optional background runs,
 * hysteresis. Free of Spring. The parts live beside it: {@link CheckRegistrations} (who
 * is registered, the listeners), {@link SingleFlightCheck} (one check's runs and cache),
 * {@link CheckRun} (one run and its timeout), {@link CheckExecution} (pool, timer, clock).
 * <p>
 * Guarantees: a request never waits longer than the longest timeout (the timer completes
 * a late run with a timeout result and interrupts it); a check whose run outlives its
 * timeout, even one that ignores interrupts, is not started again until that run returns
 * (requests get a timeout result at once), so a hung dependency holds at most one pool
 * thread per check; concurrent requests share one run (single flight).
 */
public final class HealthCheckEngine implements HealthCheckRegistry, AutoCloseable {

	private final CheckRegistrations registrations;

	private final CheckExecution execution;

	private final Clock clock;

	private final Duration defaultTimeout;

	private final long cacheTtlMillis;

	private final Function<HealthCheckOptions, HealthCheckOptions> overrides;

	/**
	 * Creates an engine.
	 * @param settings how big the pool is and the defaults
	 * @param clock the clock for timestamps, cache age and staleness
	 * @param overrides applied to the options of every registered check; returning
	 * {@code null} disables the check
	 */
	public HealthCheckEngine(EngineSettings settings, Clock clock,
			Function<HealthCheckOptions, HealthCheckOptions> overrides) {
		this.clock = clock;
		this.defaultTimeout = settings.timeout();
		this.cacheTtlMillis = settings.cacheTtl().toMillis();
		this.overrides = overrides;
		List<HealthCheckListener> listeners = new CopyOnWriteArrayList<>();
		this.registrations = new CheckRegistrations(listeners);
		this.execution = new CheckExecution(settings, clock, listeners);
	}

	/**
	 * Adds a listener and tells it about the checks registered so far.
	 * @param listener the listener
	 */
	public void addListener(HealthCheckListener listener) {
		this.registrations.addListener(listener);
	}

	@Override
	public void register(HealthCheckOptions options, HealthCheckFunction check) {
		register(options, check::check, "registry");
	}

	@Override
	public void registerAsync(HealthCheckOptions options,
			Supplier<? extends CompletionStage<HealthCheckResult>> check) {
		register(options, () -> AsyncResults.await(check.get()), "registry");
	}

	/**
	 * Registers a check.
	 * @param options the options before property overrides
	 * @param invoker runs the check
	 * @param source what declared the check, for error messages
	 * @return whether the check was registered, {@code false} when disabled by property
	 * @throws IllegalStateException if a check of that name exists
	 */
	public boolean register(HealthCheckOptions options, CheckInvoker invoker, String source) {
		HealthCheckOptions effective = this.overrides.apply(options);
		if (effective == null) {
			return false;
		}
		Duration timeout = (effective.getTimeout() != null) ? effective.getTimeout() : this.defaultTimeout;
		CheckSettings settings = new CheckSettings(effective.getName(), effective.isCritical(), timeout,
				effective.getInterval(), effective.getFailureThreshold(), effective.getSuccessThreshold());
		SingleFlightCheck check = new SingleFlightCheck(settings, invoker, source, this.execution);
		this.registrations.add(check);
		if (settings.background()) {
			long interval = settings.interval().toMillis();
			check.schedule = this.execution.scheduleWithFixedDelay(check::runInBackground, Math.max(1, interval));
		}
		return true;
	}

	@Override
	public boolean unregister(String name) {
		SingleFlightCheck check = this.registrations.remove(name);
		if (check == null) {
			return false;
		}
		ScheduledFuture<?> schedule = check.schedule;
		if (schedule != null) {
			schedule.cancel(false);
		}
		return true;
	}

	@Override
	public Set<String> getNames() {
		return this.registrations.names();
	}

	/**
	 * Returns the settings of a check.
	 * @param name the name of the check
	 * @return the settings, or {@code null} if there is no such check
	 */
	public CheckSettings getSettings(String name) {
		SingleFlightCheck check = this.registrations.get(name);
		return (check != null) ? check.settings : null;
	}

	/**
	 * Returns the longest timeout of the registered checks, an upper bound of how long
	 * {@link #evaluate()} takes.
	 * @return the longest timeout
	 */
	public Duration getLongestTimeout() {
		Duration longest = this.defaultTimeout;
		for (SingleFlightCheck check : this.registrations.sorted()) {
			if (check.settings.timeout().compareTo(longest) > 0) {
				longest = check.settings.timeout();
			}
		}
		return longest;
	}

	/**
	 * Evaluates all checks: cached results younger than the TTL and background results
	 * as they are, the others run (or joined, when a run is in flight).
	 * @return the report, complete within about the longest timeout
	 */
	public CompletableFuture<HealthReport> evaluate() {
		SingleFlightCheck[] checks = this.registrations.sorted();
		if (checks.length == 0) {
			return CompletableFuture.completedFuture(new HealthReport(HealthStatus.OK, this.clock.instant(), List.of()));
		}
		@SuppressWarnings("unchecked")
		CompletableFuture<CheckOutcome>[] outcomes = new CompletableFuture[checks.length];
		boolean allDone = true;
		for (int i = 0; i < checks.length; i++) {
			outcomes[i] = checks[i].request(this.cacheTtlMillis);
			allDone &= outcomes[i].isDone();
		}
		if (allDone) {
			return CompletableFuture.completedFuture(report(checks, outcomes));
		}
		return CompletableFuture.allOf(outcomes).thenApply((ignored) -> report(checks, outcomes));
	}

	private HealthReport report(SingleFlightCheck[] checks, CompletableFuture<CheckOutcome>[] outcomes) {
		Instant now = this.clock.instant();
		List<CheckReport> reports = new ArrayList<>(checks.length);
		for (int i = 0; i < checks.length; i++) {
			reports.add(toReport(checks[i].settings, outcomes[i].join(), now));
		}
		return new HealthReport(HealthAggregator.aggregate(reports), now, reports);
	}

	private static CheckReport toReport(CheckSettings settings, CheckOutcome outcome, Instant now) {
		Instant lastRun = null;
		Boolean stale = null;
		if (settings.background()) {
			lastRun = outcome.finishedAt();
			// A run may take up to its timeout, so a healthy schedule finishes a run at
			// least every interval + timeout; stale means twice that gap has passed.
			Duration staleAfter = settings.interval().multipliedBy(2).plus(settings.timeout());
			stale = Duration.between(lastRun, now).compareTo(staleAfter) > 0;
		}
		return new CheckReport(settings.name(), outcome.status(), settings.critical(), outcome.durationMs(),
				outcome.detail(), lastRun, stale, outcome.pending());
	}

	/**
	 * Returns the number of threads in the check pool, for diagnostics.
	 * @return the pool size, never above the configured thread count
	 */
	public int getPoolSize() {
		return this.execution.poolSize();
	}

	@Override
	public void close() {
		this.execution.close();
	}

	/**
	 * Pool size and defaults of an engine.
	 *
	 * @param threads number of pool threads
	 * @param queueCapacity runs that may wait for a thread
	 * @param timeout default timeout of a run
	 * @param cacheTtl how long an on-demand result is reused
	 * @param maxDetailLength longest detail string kept whole
	 */
	public record EngineSettings(int threads, int queueCapacity, Duration timeout, Duration cacheTtl,
			int maxDetailLength) {
	}

}
