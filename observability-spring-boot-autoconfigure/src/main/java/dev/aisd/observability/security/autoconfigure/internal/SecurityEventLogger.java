package dev.aisd.observability.security.autoconfigure.internal;

import dev.aisd.observability.security.SecurityEvent;
import dev.aisd.observability.security.SecurityEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one log line per recorded security event, with SLF4J key-value pairs that the
 * JSON layout turns into fields: {@code event} (the OWASP Logging Vocabulary name),
 * {@code event_level}, {@code description} and the event's label values. The vocabulary
 * level {@code CRITICAL} is logged at {@code ERROR}.
 */
public final class SecurityEventLogger implements SecurityEventListener {

	/** Name of the logger the lines are written to. */
	public static final String LOGGER_NAME = "dev.aisd.observability.security.events";

	private final Logger logger;

	/**
	 * Create a logger writing to {@value #LOGGER_NAME}.
	 */
	public SecurityEventLogger() {
		this(LoggerFactory.getLogger(LOGGER_NAME));
	}

	SecurityEventLogger(Logger logger) {
		this.logger = logger;
	}

	@Override
	public void onSecurityEvent(SecurityEvent event) {
		Level level = level(event.level());
		if (!this.logger.isEnabledForLevel(level)) {
			return;
		}
		String description = event.description();
		LoggingEventBuilder line = this.logger.atLevel(level)
			.setMessage(description)
			.addKeyValue("event", event.name())
			.addKeyValue("event_level", event.level())
			.addKeyValue("description", description)
			.addKeyValue(event.firstLabel(), event.firstValue());
		if (event.secondLabel() != null) {
			line = line.addKeyValue(event.secondLabel(), event.secondValue());
		}
		line.log();
	}

	private static Level level(String vocabularyLevel) {
		return switch (vocabularyLevel) {
			case "CRITICAL" -> Level.ERROR;
			case "INFO" -> Level.INFO;
			default -> Level.WARN;
		};
	}

}
