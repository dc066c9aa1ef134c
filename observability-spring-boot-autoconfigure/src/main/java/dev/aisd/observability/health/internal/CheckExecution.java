package dev.aisd.observability.health.internal;

import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What the checks of one engine share to run: the bounded pool the checks run on, the
 * timer that enforces their timeouts and drives background schedules, the clock, the
 * detail sanitizer and the listeners told about every finished run.
 */
final class CheckExecution implements AutoCloseable {

	private final ThreadPoolExecutor executor;

	private final ScheduledThreadPoolExecutor timer;

	private final Clock clock;

	private final DetailSanitizer sanitizer;

	private final List<HealthCheckListener> listeners;

	CheckExecution(HealthCheckEngine.EngineSettings settings, Clock clock, List<HealthCheckListener> listeners) {
		this.clock = clock;
		this.sanitizer = new DetailSanitizer(settings.maxDetailLength());
		this.listeners = listeners;
		int threads = Math.max(1, settings.threads());
		this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())), new NamedDaemonThreads("health-check-"));
		this.executor.allowCoreThreadTimeOut(true);
		this.timer = new ScheduledThreadPoolExecutor(1, new NamedDaemonThreads("health-check-timer-"));
		this.timer.setRemoveOnCancelPolicy(true);
	}

	Clock clock() {
		return this.clock;
	}

	DetailSanitizer sanitizer() {
		return this.sanitizer;
	}

	/**
	 * Queue a run on the pool.
	 * @throws java.util.concurrent.RejectedExecutionException when the pool and its queue
	 * are full
	 */
	void execute(Runnable run) {
		this.executor.execute(run);
	}

	/** Take a run that has not started out of the queue. */
	void remove(Runnable run) {
		this.executor.remove(run);
	}

	ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
		return this.timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
	}

	ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long delayMillis) {
		return this.timer.scheduleWithFixedDelay(task, 0, delayMillis, TimeUnit.MILLISECONDS);
	}

	void finished(CheckSettings settings, CheckOutcome outcome) {
		for (HealthCheckListener listener : this.listeners) {
			try {
				listener.finished(settings, outcome);
			}
			catch (RuntimeException ex) {
				// A failing listener (a closed meter registry) must not break health.
			}
		}
	}

	/** The error detail of a check that threw: type and message, never a stack trace. */
	Map<String, Object> failure(Throwable ex) {
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

	int poolSize() {
		return this.executor.getPoolSize();
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		this.executor.shutdownNow();
	}

}
