package dev.aisd.observability.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * hysteresis. Free of Spring.
 * <p>
 * Guarantees: a request never waits longer than the longest timeout (the timer completes
 * a late run with a timeout result and interrupts it); a check whose run outlives its
 * timeout, even one that ignores interrupts, is not started again until that run returns
 * (requests get a timeout result at once), so a hung dependency holds at most one pool
 * thread per check; concurrent requests share one run (single flight).
 */
public final class HealthCheckEngine implements HealthCheckRegistry, AutoCloseable {

	private static final CheckState[] NO_CHECKS = {};

	private final ConcurrentHashMap<String, CheckState> checks = new ConcurrentHashMap<>();

	// Sorted by name; rebuilt on (rare) registration changes so requests never sort.
	private volatile CheckState[] sorted = NO_CHECKS;

	private final Object registrationLock = new Object();

	private final List<HealthCheckListener> listeners = new CopyOnWriteArrayList<>();

	private final ThreadPoolExecutor executor;

	private final ScheduledThreadPoolExecutor timer;

	private final Clock clock;

	private final Duration defaultTimeout;

	private final long cacheTtlMillis;

	private final DetailSanitizer sanitizer;

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
		this.sanitizer = new DetailSanitizer(settings.maxDetailLength());
		this.overrides = overrides;
		int threads = Math.max(1, settings.threads());
		this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())), new NamedDaemonThreads("health-check-"));
		this.executor.allowCoreThreadTimeOut(true);
		this.timer = new ScheduledThreadPoolExecutor(1, new NamedDaemonThreads("health-check-timer-"));
		this.timer.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Adds a listener and tells it about the checks registered so far.
	 * @param listener the listener
	 */
	public void addListener(HealthCheckListener listener) {
		synchronized (this.registrationLock) {
			this.listeners.add(listener);
			for (CheckState state : this.sorted) {
				listener.registered(state.settings);
			}
		}
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
		CheckState state = new CheckState(settings, invoker, source);
		synchronized (this.registrationLock) {
			CheckState existing = this.checks.putIfAbsent(settings.name(), state);
			if (existing != null) {
				throw new IllegalStateException("Duplicate health check name '" + settings.name() + "': declared by "
						+ existing.source + " and by " + source);
			}
			refreshSorted();
			for (HealthCheckListener listener : this.listeners) {
				listener.registered(settings);
			}
		}
		if (settings.background()) {
			long interval = settings.interval().toMillis();
			state.schedule = this.timer.scheduleWithFixedDelay(() -> runInBackground(state), 0,
					Math.max(1, interval), TimeUnit.MILLISECONDS);
		}
		return true;
	}

	@Override
	public boolean unregister(String name) {
		CheckState state;
		synchronized (this.registrationLock) {
			state = this.checks.remove(name);
			if (state == null) {
				return false;
			}
			refreshSorted();
			for (HealthCheckListener listener : this.listeners) {
				listener.unregistered(state.settings);
			}
		}
		ScheduledFuture<?> schedule = state.schedule;
		if (schedule != null) {
			schedule.cancel(false);
		}
		return true;
	}

	@Override
	public Set<String> getNames() {
		return Collections.unmodifiableSet(new TreeSet<>(this.checks.keySet()));
	}

	/**
	 * Returns the settings of a check.
	 * @param name the name of the check
	 * @return the settings, or {@code null} if there is no such check
	 */
	public CheckSettings getSettings(String name) {
		CheckState state = this.checks.get(name);
		return (state != null) ? state.settings : null;
	}

	/**
	 * Returns the longest timeout of the registered checks, an upper bound of how long
	 * {@link #evaluate()} takes.
	 * @return the longest timeout
	 */
	public Duration getLongestTimeout() {
		Duration longest = this.defaultTimeout;
		for (CheckState state : this.sorted) {
			if (state.settings.timeout().compareTo(longest) > 0) {
				longest = state.settings.timeout();
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
		CheckState[] states = this.sorted;
		if (states.length == 0) {
			return CompletableFuture.completedFuture(new HealthReport(HealthStatus.OK, this.clock.instant(), List.of()));
		}
		@SuppressWarnings("unchecked")
		CompletableFuture<CheckOutcome>[] outcomes = new CompletableFuture[states.length];
		boolean allDone = true;
		for (int i = 0; i < states.length; i++) {
			outcomes[i] = request(states[i]);
			allDone &= outcomes[i].isDone();
		}
		if (allDone) {
			return CompletableFuture.completedFuture(report(states, outcomes));
		}
		return CompletableFuture.allOf(outcomes).thenApply((ignored) -> report(states, outcomes));
	}

	private HealthReport report(CheckState[] states, CompletableFuture<CheckOutcome>[] outcomes) {
		Instant now = this.clock.instant();
		List<CheckReport> reports = new ArrayList<>(states.length);
		for (int i = 0; i < states.length; i++) {
			reports.add(toReport(states[i].settings, outcomes[i].join(), now));
		}
		return new HealthReport(HealthAggregator.aggregate(reports), now, reports);
	}

	private CheckReport toReport(CheckSettings settings, CheckOutcome outcome, Instant now) {
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

	private CompletableFuture<CheckOutcome> request(CheckState state) {
		Instant now = this.clock.instant();
		synchronized (state) {
			CheckOutcome last = state.last;
			if (last != null && (state.settings.background()
					|| Duration.between(last.finishedAt(), now).toMillis() < this.cacheTtlMillis)) {
				return CompletableFuture.completedFuture(last);
			}
			return start(state);
		}
	}

	private void runInBackground(CheckState state) {
		// Never let an exception escape: it would silently end the fixed-delay schedule.
		try {
			synchronized (state) {
				start(state);
			}
		}
		catch (Throwable ex) {
			// Only an exhausted JVM gets here; the next tick tries again.
		}
	}

	// Called holding the state's lock.
	private CompletableFuture<CheckOutcome> start(CheckState state) {
		Run inFlight = state.inFlight;
		if (inFlight != null) {
			return inFlight.promise;
		}
		Run previous = state.run;
		if (previous != null && previous.busy()) {
			long runningMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - previous.startNanos);
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("error", timeoutMessage(state.settings));
			detail.put("still_running_ms", runningMs);
			return CompletableFuture.completedFuture(settle(state, HealthStatus.ERROR, detail, runningMs));
		}
		Run run = new Run(state);
		state.inFlight = run;
		state.run = run;
		run.timeoutTask = this.timer.schedule(run::timeout, state.settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
		try {
			this.executor.execute(run);
		}
		catch (RejectedExecutionException ex) {
			run.timeoutTask.cancel(false);
			run.phase.set(Run.DONE);
			state.inFlight = null;
			return CompletableFuture.completedFuture(settle(state, HealthStatus.ERROR,
					Collections.singletonMap("error", "rejected: health check executor is saturated"), 0));
		}
		return run.promise;
	}

	// Called holding the state's lock.
	private CheckOutcome settle(CheckState state, HealthStatus raw, Map<String, Object> detail, long durationMs) {
		Hysteresis.Decision decision = state.hysteresis.apply(raw);
		CheckOutcome outcome = new CheckOutcome(decision.status(), raw, detail, durationMs, this.clock.instant(),
				decision.pending());
		state.last = outcome;
		for (HealthCheckListener listener : this.listeners) {
			try {
				listener.finished(state.settings, outcome);
			}
			catch (RuntimeException ex) {
				// A failing listener (a closed meter registry) must not break health.
			}
		}
		return outcome;
	}

	private boolean finish(Run run, HealthStatus raw, Map<String, Object> detail) {
		CheckState state = run.state;
		long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startNanos);
		CheckOutcome outcome;
		synchronized (state) {
			if (state.inFlight != run) {
				return false;
			}
			state.inFlight = null;
			outcome = settle(state, raw, detail, durationMs);
		}
		// Completed outside the lock: dependants (the HTTP response) run on this thread.
		run.promise.complete(outcome);
		return true;
	}

	private static String timeoutMessage(CheckSettings settings) {
		return "timeout after " + settings.timeout().toMillis() + " ms";
	}

	private Map<String, Object> failure(Throwable ex) {
		String message;
		try {
			message = ex.getMessage();
		}
		catch (RuntimeException | StackOverflowError failure) {
			message = null;
		}
		String error = (message != null) ? ex.getClass().getName() + ": " + message : ex.getClass().getName();
		return Collections.singletonMap("error", this.sanitizer.truncate(error));
	}

	/**
	 * Returns the number of threads in the check pool, for diagnostics.
	 * @return the pool size, never above the configured thread count
	 */
	public int getPoolSize() {
		return this.executor.getPoolSize();
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		this.executor.shutdownNow();
	}

	private void refreshSorted() {
		CheckState[] states = this.checks.values().toArray(NO_CHECKS);
		Arrays.sort(states, Comparator.comparing((CheckState state) -> state.settings.name()));
		this.sorted = states;
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

	private static final class CheckState {

		final CheckSettings settings;

		final CheckInvoker invoker;

		final String source;

		final Hysteresis hysteresis;

		volatile ScheduledFuture<?> schedule;

		// The fields below are guarded by this state's monitor.

		CheckOutcome last;

		Run inFlight;

		Run run;

		CheckState(CheckSettings settings, CheckInvoker invoker, String source) {
			this.settings = settings;
			this.invoker = invoker;
			this.source = source;
			this.hysteresis = new Hysteresis(settings.failureThreshold(), settings.successThreshold());
		}

	}

	private final class Run implements Runnable {

		static final int QUEUED = 0;

		static final int RUNNING = 1;

		static final int DONE = 2;

		final CheckState state;

		final long startNanos = System.nanoTime();

		final CompletableFuture<CheckOutcome> promise = new CompletableFuture<>();

		final AtomicInteger phase = new AtomicInteger(QUEUED);

		volatile ScheduledFuture<?> timeoutTask;

		// Guarded by this run's monitor, so a timeout never interrupts a thread that has
		// moved on to other work.
		private Thread thread;

		Run(CheckState state) {
			this.state = state;
		}

		@Override
		public void run() {
			if (!this.phase.compareAndSet(QUEUED, RUNNING)) {
				return;
			}
			synchronized (this) {
				this.thread = Thread.currentThread();
			}
			HealthStatus status;
			Map<String, Object> detail;
			try {
				HealthCheckResult result = this.state.invoker.invoke();
				if (result == null) {
					status = HealthStatus.ERROR;
					detail = Collections.singletonMap("error", "health check returned null");
				}
				else {
					status = result.status();
					detail = HealthCheckEngine.this.sanitizer.sanitize(result.detail());
				}
			}
			catch (Throwable ex) {
				status = HealthStatus.ERROR;
				detail = failure(ex);
			}
			finally {
				synchronized (this) {
					this.thread = null;
					this.phase.set(DONE);
				}
				// Clears an interrupt from a timeout that raced with the check returning.
				Thread.interrupted();
			}
			if (finish(this, status, detail)) {
				ScheduledFuture<?> timeout = this.timeoutTask;
				if (timeout != null) {
					timeout.cancel(false);
				}
			}
		}

		void timeout() {
			if (!finish(this, HealthStatus.ERROR,
					Collections.singletonMap("error", timeoutMessage(this.state.settings)))) {
				return;
			}
			if (this.phase.compareAndSet(QUEUED, DONE)) {
				HealthCheckEngine.this.executor.remove(this);
				return;
			}
			synchronized (this) {
				if (this.thread != null) {
					this.thread.interrupt();
				}
			}
		}

		boolean busy() {
			return this.phase.get() != DONE;
		}

	}

	private static final class NamedDaemonThreads implements ThreadFactory {

		private final String prefix;

		private final AtomicInteger count = new AtomicInteger();

		NamedDaemonThreads(String prefix) {
			this.prefix = prefix;
		}

		@Override
		public Thread newThread(Runnable runnable) {
			Thread thread = new Thread(runnable, this.prefix + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
