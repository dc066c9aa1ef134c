package dev.aisd.observability.logging.internal;

import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;

/**
 * Moves Spring Boot's {@code CONSOLE} appender of the root logger behind an
 * {@link AsyncConsoleAppender}, so that the thread that logs only copies the event into a
 * bounded ring buffer and one background thread encodes and writes it. The console
 * appender then writes into a {@link SystemOutBuffer} that the background thread flushes
 * at the end of every batch, so a burst of lines costs one write, not one per line.
 * <p>
 * The logging thread never wakes the background thread: that one sleeps for the flush
 * interval whenever it finds the buffer empty, then writes whatever arrived meanwhile. A
 * wake-up per line (a futex call on the logging thread, two context switches and a write
 * per line) cost more than the line itself on a busy single-CPU service; a line now
 * reaches the console at most one interval after it was logged. Not API: may change
 * without notice.
 */
public final class AsyncConsoleInstaller {

	/** Name of the console appender of Spring Boot's default logback configuration. */
	public static final String CONSOLE_APPENDER = "CONSOLE";

	private AsyncConsoleInstaller() {
	}

	/**
	 * Install the asynchronous appender in front of the console appender of the root
	 * logger, unless it is already there or there is no such console appender.
	 * @param context the logback context
	 * @param queueSize the capacity of the ring buffer, a power of two
	 * @param appendTimeout how long a logging thread waits for room in a full ring
	 * buffer before the event is dropped (and counted)
	 * @param flushInterval how long the background thread sleeps when the buffer is empty;
	 * zero wakes it for every line instead
	 * @return whether the appender was installed
	 */
	public static boolean install(LoggerContext context, int queueSize, Duration appendTimeout,
			Duration flushInterval) {
		if (queueSize < 1 || Integer.bitCount(queueSize) != 1) {
			throw new IllegalArgumentException(
					"observability.logging.async.queue-size must be a power of two but was " + queueSize);
		}
		if (flushInterval.isNegative()) {
			throw new IllegalArgumentException(
					"observability.logging.async.flush-interval must not be negative but was " + flushInterval);
		}
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(AsyncConsoleAppender.NAME) != null) {
			return false;
		}
		Appender<ILoggingEvent> console = root.getAppender(CONSOLE_APPENDER);
		if (!(console instanceof ConsoleAppender<ILoggingEvent> consoleAppender) || !console.isStarted()) {
			return false;
		}
		AsyncConsoleAppender async = new AsyncConsoleAppender();
		async.setContext(context);
		async.setName(AsyncConsoleAppender.NAME);
		async.setRingBufferSize(queueSize);
		async.setAppendTimeout(ch.qos.logback.core.util.Duration.buildByMilliseconds(appendTimeout.toMillis()));
		// Sleeping with no spin or yield first: an empty buffer parks the thread at once.
		async.setWaitStrategyType(flushInterval.isZero() ? "liteBlocking"
				: "sleeping{0," + flushInterval.toNanos() + "}");
		async.setThreadNameFormat("observability-log-%2$d");
		// Its default status listener prints drop warnings on stdout, between the JSON
		// lines; drops are counted in a metric instead.
		async.setAddDefaultStatusListener(false);
		if ("System.out".equals(consoleAppender.getTarget())) {
			consoleAppender.setOutputStream(new SystemOutBuffer());
			// Flushed by the asynchronous appender at the end of each batch.
			consoleAppender.setImmediateFlush(false);
		}
		async.addAppender(console);
		async.start();
		if (!async.isStarted()) {
			return false;
		}
		root.addAppender(async);
		root.detachAppender(console);
		return true;
	}

}
