package dev.aisd.observability.health.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named with a prefix and a counter, so the check pool never keeps the
 * JVM alive and its threads are recognisable in a thread dump.
 */
final class NamedDaemonThreads implements ThreadFactory {

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
