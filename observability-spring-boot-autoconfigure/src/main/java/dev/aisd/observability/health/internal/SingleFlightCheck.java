package dev.aisd.observability.health.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.health.HealthStatus;

/**
 * One registered check and its single-flight state: at most one run at a time, shared by
 * every request that arrives while it is in flight; the last outcome, reused for the cache
 * TTL (or until the next background run); its hysteresis.
 * <p>
 * A run that outlived its timeout, even one that ignores interrupts, blocks a new start
 * until it returns (requests get a timeout result at once), so a hung dependency holds at
 * most one pool thread per check.
 */
final class SingleFlightCheck {

	final CheckSettings settings;

	final CheckInvoker invoker;

	final String source;

	final CheckExecution execution;

	private final Hysteresis hysteresis;

	volatile ScheduledFuture<?> schedule;

	// The fields below are guarded by this object's monitor.

	private CheckOutcome last;

	private CheckRun inFlight;

	private CheckRun run;

	SingleFlightCheck(CheckSettings settings, CheckInvoker invoker, String source, CheckExecution execution) {
		this.settings = settings;
		this.invoker = invoker;
		this.source = source;
		this.execution = execution;
		this.hysteresis = new Hysteresis(settings.failureThreshold(), settings.successThreshold());
	}

	/**
	 * The outcome for a request: the last one when it is younger than the TTL or comes
	 * from the background schedule, else a run started or joined.
	 * @param cacheTtlMillis how long an on-demand outcome is reused
	 */
	CompletableFuture<CheckOutcome> request(long cacheTtlMillis) {
		Instant now = this.execution.clock().instant();
		synchronized (this) {
			CheckOutcome last = this.last;
			if (last != null && (this.settings.background()
					|| Duration.between(last.finishedAt(), now).toMillis() < cacheTtlMillis)) {
				return CompletableFuture.completedFuture(last);
			}
			return start();
		}
	}

	/** A tick of the background schedule. */
	void runInBackground() {
		// Never let an exception escape: it would silently end the fixed-delay schedule.
		try {
			synchronized (this) {
				start();
			}
		}
		catch (Throwable ex) {
			// Only an exhausted JVM gets here; the next tick tries again.
		}
	}

	// Called holding this object's lock.
	private CompletableFuture<CheckOutcome> start() {
		CheckRun inFlight = this.inFlight;
		if (inFlight != null) {
			return inFlight.promise;
		}
		CheckRun previous = this.run;
		if (previous != null && previous.busy()) {
			long runningMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - previous.startNanos);
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("error", timeoutMessage());
			detail.put("still_running_ms", runningMs);
			return CompletableFuture.completedFuture(settle(HealthStatus.ERROR, detail, runningMs));
		}
		CheckRun run = new CheckRun(this);
		this.inFlight = run;
		this.run = run;
		run.timeoutTask = this.execution.schedule(run::timeout, this.settings.timeout().toNanos());
		try {
			this.execution.execute(run);
		}
		catch (RejectedExecutionException ex) {
			run.timeoutTask.cancel(false);
			run.rejected();
			this.inFlight = null;
			return CompletableFuture.completedFuture(settle(HealthStatus.ERROR,
					Collections.singletonMap("error", "rejected: health check executor is saturated"), 0));
		}
		return run.promise;
	}

	// Called holding this object's lock.
	private CheckOutcome settle(HealthStatus raw, Map<String, Object> detail, long durationMs) {
		Hysteresis.Decision decision = this.hysteresis.apply(raw);
		CheckOutcome outcome = new CheckOutcome(decision.status(), raw, detail, durationMs,
				this.execution.clock().instant(), decision.pending());
		this.last = outcome;
		this.execution.finished(this.settings, outcome);
		return outcome;
	}

	/**
	 * Settle the run with its result, unless it was settled already (by its timeout, or
	 * the other way round).
	 * @return whether this call settled it
	 */
	boolean finish(CheckRun run, HealthStatus raw, Map<String, Object> detail) {
		long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startNanos);
		CheckOutcome outcome;
		synchronized (this) {
			if (this.inFlight != run) {
				return false;
			}
			this.inFlight = null;
			outcome = settle(raw, detail, durationMs);
		}
		// Completed outside the lock: dependants (the HTTP response) run on this thread.
		run.promise.complete(outcome);
		return true;
	}

	String timeoutMessage() {
		return "timeout after " + this.settings.timeout().toMillis() + " ms";
	}

}
