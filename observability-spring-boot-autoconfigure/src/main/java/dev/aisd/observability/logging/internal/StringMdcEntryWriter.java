package dev.aisd.observability.logging.internal;

import net.logstash.logback.composite.loggingevent.mdc.MdcEntryWriter;
import tools.jackson.core.JsonGenerator;

/**
 * Writes every MDC value as a JSON string straight to the generator. Without it
 * logstash-logback-encoder writes MDC values as POJOs, through the object mapper's
 * serializer lookup, which costs more than all other fields of a line together. Not API:
 * may change without notice.
 */
public final class StringMdcEntryWriter implements MdcEntryWriter {

	@Override
	public boolean writeMdcEntry(JsonGenerator generator, String fieldName, String mdcKey, String mdcValue) {
		generator.writeStringProperty(fieldName, mdcValue);
		return true;
	}

}
