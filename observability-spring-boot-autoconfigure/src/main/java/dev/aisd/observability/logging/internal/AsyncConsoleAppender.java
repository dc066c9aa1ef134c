package dev.aisd.observability.logging.internal;

import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;

/**
 * logstash-logback-encoder's Disruptor-based asynchronous appender, counting every event
 * it drops because its ring buffer stayed full for the whole append timeout. The count
 * is process-wide and only grows, so it survives a re-initialisation of logging and can
 * back a Prometheus counter. Not API: may change without notice.
 */
public final class AsyncConsoleAppender extends LoggingEventAsyncDisruptorAppender {

	/** Name of the appender in the logback configuration. */
	public static final String NAME = "OBSERVABILITY_ASYNC";

	private static final LongAdder DROPPED = new LongAdder();

	/**
	 * Return how many events every instance of this appender dropped since the JVM
	 * started.
	 * @return the number of dropped events
	 */
	public static long droppedEvents() {
		return DROPPED.sum();
	}

	@Override
	protected void fireEventAppendFailed(ILoggingEvent event, Throwable reason) {
		// Called when the ring buffer stayed full for the whole append timeout, and when
		// an event arrives after the appender stopped: both lose the line.
		DROPPED.increment();
		super.fireEventAppendFailed(event, reason);
	}

}
