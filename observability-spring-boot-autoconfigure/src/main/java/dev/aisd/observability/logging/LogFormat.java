package dev.aisd.observability.logging;

/**
 * Format of the console log lines.
 *
 * @since 0.1.0
 */
public enum LogFormat {

	/**
	 * One JSON object per line, for log shippers.
	 */
	JSON,

	/**
	 * Spring Boot's readable lines, for local work.
	 */
	TEXT

}
