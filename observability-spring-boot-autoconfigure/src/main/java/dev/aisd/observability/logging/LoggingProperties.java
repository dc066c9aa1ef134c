package dev.aisd.observability.logging;

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

}
