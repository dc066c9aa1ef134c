package dev.aisd.observability.logging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the JSON logs. 'enabled' and 'format' are read from the environment
 * before the application context exists, when Spring Boot initialises logging.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability.logging")
public class LoggingProperties {

	/**
	 * Whether to make JSON lines the default console log format and to log a 'Handled
	 * request' line after every HTTP request. When false, Spring Boot's defaults apply.
	 */
	private boolean enabled = true;

	/**
	 * Format of the console log when no logback configuration file and no
	 * 'logging.structured.format.console' is set: 'json' writes one JSON object per line,
	 * 'text' writes Spring Boot's readable lines for local work.
	 */
	private LogFormat format = LogFormat.JSON;

	private final AccessLog accessLog = new AccessLog();

	private final Async async = new Async();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public LogFormat getFormat() {
		return this.format;
	}

	public void setFormat(LogFormat format) {
		this.format = format;
	}

	public AccessLog getAccessLog() {
		return this.accessLog;
	}

	public Async getAsync() {
		return this.async;
	}

	/**
	 * Properties of the 'Handled request' line.
	 */
	public static class AccessLog {

		/**
		 * Whether to log a 'Handled request' line at INFO on the
		 * 'dev.aisd.observability.web.access' logger after every HTTP request.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Properties of the asynchronous console log. Read from the environment when Spring
	 * Boot initialises logging, before the application context exists.
	 */
	public static class Async {

		/**
		 * Whether Spring Boot's console appender writes off the logging thread, through a
		 * bounded ring buffer drained by one background thread. Applies to Spring Boot's
		 * own logback configuration only, not to a logback-spring.xml.
		 */
		private boolean enabled = true;

		/**
		 * Capacity of the ring buffer, in log events; a power of two.
		 */
		private int queueSize = 8192;

		/**
		 * How long a logging thread waits for room when the ring buffer is full before the
		 * event is dropped and counted in observability_log_events_dropped_total. Zero
		 * drops at once.
		 */
		private Duration appendTimeout = Duration.ofSeconds(1);

		/**
		 * How long the background thread sleeps when it finds the ring buffer empty
		 * before it writes what arrived meanwhile: a line reaches the console at most
		 * about this long after it was logged. Zero makes every logging thread wake the
		 * background thread instead, which costs a thread wake-up per line.
		 */
		private Duration flushInterval = Duration.ofMillis(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getQueueSize() {
			return this.queueSize;
		}

		public void setQueueSize(int queueSize) {
			this.queueSize = queueSize;
		}

		public Duration getAppendTimeout() {
			return this.appendTimeout;
		}

		public void setAppendTimeout(Duration appendTimeout) {
			this.appendTimeout = appendTimeout;
		}

		public Duration getFlushInterval() {
			return this.flushInterval;
		}

		public void setFlushInterval(Duration flushInterval) {
			this.flushInterval = flushInterval;
		}

	}

}
