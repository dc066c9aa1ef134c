package dev.aisd.observability.benchmarks.logging;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.OutputStream;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.aisd.observability.logging.ObservabilityJsonEncoder;

/**
 * The loggers the log-line measurements write through, set up one way for the JMH
 * benchmark and the CPU-time harness, so both measure the same encoders and sinks.
 * <p>
 * Sinks: {@code null} writes to a discarding stream, {@code devnull} to
 * {@code /dev/null} through a file descriptor, {@code async} puts a logback
 * {@link AsyncAppender} (queue 8192, never discarding, blocking when full) in front of
 * the {@code devnull} appender.
 */
final class BenchmarkLoggers {

	/** Spring Boot's console pattern, with the values it would fill in fixed. */
	static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p 4242 --- [bench] [%15.15t] "
			+ "%-40.40logger{39} : %m%n";

	private BenchmarkLoggers() {
	}

	/**
	 * Create the starter's JSON encoder, as its logging configuration does.
	 * @return the encoder
	 */
	static ObservabilityJsonEncoder json() {
		ObservabilityJsonEncoder json = new ObservabilityJsonEncoder();
		json.setService("bench-service");
		return json;
	}

	/**
	 * Create an encoder of Spring Boot's text pattern.
	 * @return the encoder
	 */
	static PatternLayoutEncoder text() {
		PatternLayoutEncoder text = new PatternLayoutEncoder();
		text.setPattern(TEXT_PATTERN);
		return text;
	}

	/**
	 * Create a logger that writes only to one sink, at level INFO.
	 * @param context the logger context
	 * @param name the logger name
	 * @param encoder the encoder, not started yet
	 * @param sink {@code null}, {@code devnull} or {@code async}
	 * @return the logger
	 * @throws FileNotFoundException if {@code /dev/null} cannot be opened
	 */
	static Logger logger(LoggerContext context, String name, Encoder<ILoggingEvent> encoder, String sink)
			throws FileNotFoundException {
		encoder.setContext(context);
		encoder.start();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(context);
		appender.setEncoder(encoder);
		OutputStream out = "null".equals(sink) ? OutputStream.nullOutputStream() : new FileOutputStream("/dev/null");
		appender.setOutputStream(out);
		appender.start();
		Appender<ILoggingEvent> attached = appender;
		if ("async".equals(sink)) {
			AsyncAppender async = new AsyncAppender();
			async.setName("async");
			async.setContext(context);
			async.setQueueSize(8192);
			async.setDiscardingThreshold(0);
			async.setNeverBlock(false);
			async.addAppender(appender);
			async.start();
			attached = async;
		}
		Logger logger = context.getLogger(name);
		logger.setAdditive(false);
		logger.setLevel(Level.INFO);
		logger.addAppender(attached);
		return logger;
	}

	/**
	 * Return the asynchronous appender of a logger made by
	 * {@link #logger(LoggerContext, String, Encoder, String)}.
	 * @param logger the logger
	 * @return its asynchronous appender, or {@code null} when its sink is not {@code async}
	 */
	static AsyncAppender asyncAppender(Logger logger) {
		return (logger.getAppender("async") instanceof AsyncAppender async) ? async : null;
	}

}
