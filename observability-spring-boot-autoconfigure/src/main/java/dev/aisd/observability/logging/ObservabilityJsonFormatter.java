package dev.aisd.observability.logging;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import dev.aisd.observability.ServiceName;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Spring Boot {@link StructuredLogFormatter} that writes the starter's JSON log lines
 * with an {@link ObservabilityJsonEncoder}. The starter makes it the default value of
 * {@code logging.structured.format.console}, so Spring Boot's own logging set-up (levels,
 * threshold, log file, a user's {@code logback-spring.xml} taking precedence) stays in
 * charge.
 *
 * @since 0.1.0
 */
public class ObservabilityJsonFormatter implements StructuredLogFormatter<ILoggingEvent> {

	private final ObservabilityJsonEncoder encoder;

	/**
	 * Create a formatter for the service that the environment names (see
	 * {@link ServiceName#resolve(Environment)}).
	 * @param environment the environment of the application
	 */
	public ObservabilityJsonFormatter(Environment environment) {
		this(ServiceName.resolve(environment).value());
	}

	/**
	 * Create a formatter for the given service.
	 * @param service the service name written in every event
	 */
	public ObservabilityJsonFormatter(String service) {
		this.encoder = new ObservabilityJsonEncoder();
		this.encoder.setService(service);
		// The encoder reports problems through its logback context; without one it would
		// print warnings on stdout, in the middle of the JSON lines.
		ILoggerFactory loggerFactory = LoggerFactory.getILoggerFactory();
		if (loggerFactory instanceof Context context) {
			this.encoder.setContext(context);
		}
		this.encoder.start();
	}

	@Override
	public String format(ILoggingEvent event) {
		return new String(this.encoder.encode(event), StandardCharsets.UTF_8);
	}

	@Override
	public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
		byte[] json = this.encoder.encode(event);
		return StandardCharsets.UTF_8.equals(charset) ? json : new String(json, StandardCharsets.UTF_8).getBytes(charset);
	}

}
