package dev.aisd.observability.health;

/**
 * Properties of the pool that runs the health checks
 * ({@code observability.health.executor.*}).
 *
 * @since 0.1.0
 */
public class HealthExecutorProperties {

	/**
	 * Number of threads that run checks concurrently. A check that ignores interrupts
	 * holds one thread until it returns.
	 */
	private int threads = 4;

	/**
	 * Number of runs that may wait for a thread; beyond it a run is an error.
	 */
	private int queueCapacity = 64;

	public int getThreads() {
		return this.threads;
	}

	public void setThreads(int threads) {
		this.threads = threads;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

}
