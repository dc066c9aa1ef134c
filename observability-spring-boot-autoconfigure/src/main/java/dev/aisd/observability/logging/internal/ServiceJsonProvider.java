package dev.aisd.observability.logging.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the constant {@code service} field. Not API: may change without notice.
 */
public final class ServiceJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

	/** Name of the field. */
	public static final String FIELD_SERVICE = "service";

	private volatile String service;

	/**
	 * Create a provider writing the given service name.
	 * @param service the service name
	 */
	public ServiceJsonProvider(String service) {
		setFieldName(FIELD_SERVICE);
		this.service = service;
	}

	/**
	 * Set the service name.
	 * @param service the service name
	 */
	public void setService(String service) {
		this.service = service;
	}

	@Override
	public void writeTo(JsonGenerator generator, ILoggingEvent event) {
		generator.writeStringProperty(getFieldName(), this.service);
	}

}
