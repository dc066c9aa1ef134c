package dev.aisd.observability.health.internal;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.aisd.observability.health.HealthCheckResult;
import dev.aisd.observability.health.HealthStatus;

/**
 * One run of a check on the pool, and its timeout: whichever of the two settles the run
 * first wins; a timeout interrupts the thread still running it, or takes the run out of
 * the queue when it has not started.
 */
final class CheckRun implements Runnable {

	private static final int QUEUED = 0;

	private static final int RUNNING = 1;

	private static final int DONE = 2;

	private final SingleFlightCheck check;

	final long startNanos = System.nanoTime();

	final CompletableFuture<CheckOutcome> promise = new CompletableFuture<>();

	private final AtomicInteger phase = new AtomicInteger(QUEUED);

	volatile ScheduledFuture<?> timeoutTask;

	// Guarded by this run's monitor, so a timeout never interrupts a thread that has
	// moved on to other work.
	private Thread thread;

	CheckRun(SingleFlightCheck check) {
		this.check = check;
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
			HealthCheckResult result = this.check.invoker.invoke();
			if (result == null) {
				status = HealthStatus.ERROR;
				detail = Collections.singletonMap("error", "health check returned null");
			}
			else {
				status = result.status();
				detail = this.check.execution.sanitizer().sanitize(result.detail());
			}
		}
		catch (Throwable ex) {
			status = HealthStatus.ERROR;
			detail = this.check.execution.failure(ex);
		}
		finally {
			synchronized (this) {
				this.thread = null;
				this.phase.set(DONE);
			}
			// Clears an interrupt from a timeout that raced with the check returning.
			Thread.interrupted();
		}
		if (this.check.finish(this, status, detail)) {
			ScheduledFuture<?> timeout = this.timeoutTask;
			if (timeout != null) {
				timeout.cancel(false);
			}
		}
	}

	void timeout() {
		if (!this.check.finish(this, HealthStatus.ERROR,
				Collections.singletonMap("error", this.check.timeoutMessage()))) {
			return;
		}
		if (this.phase.compareAndSet(QUEUED, DONE)) {
			this.check.execution.remove(this);
			return;
		}
		synchronized (this) {
			if (this.thread != null) {
				this.thread.interrupt();
			}
		}
	}

	/** The pool refused the run: it will never start. */
	void rejected() {
		this.phase.set(DONE);
	}

	boolean busy() {
		return this.phase.get() != DONE;
	}

}
