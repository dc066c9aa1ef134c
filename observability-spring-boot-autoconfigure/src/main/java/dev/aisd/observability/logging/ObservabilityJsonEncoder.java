package dev.aisd.observability.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.aisd.observability.ServiceName;
import dev.aisd.observability.logging.internal.ServiceJsonProvider;
import dev.aisd.observability.logging.internal.StringMdcEntryWriter;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventJsonProviders;
import net.logstash.logback.composite.loggingevent.LoggingEventThreadNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LogstashMarkersJsonProvider;
import net.logstash.logback.composite.loggingevent.MdcJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * Logback encoder writing each event as one JSON object on one line, with the fields of
 * the starter's log contract, in this order: {@code timestamp} (ISO-8601, UTC),
 * {@code level}, {@code logger}, {@code thread}, {@code message}, {@code service}, every
 * MDC entry ({@code request_id}, and Micrometer Tracing's {@code traceId} and
 * {@code spanId} renamed {@code trace_id} and {@code span_id}), SLF4J key-value pairs,
 * structured arguments and markers of logstash-logback-encoder, and {@code stack_trace}
 * when an exception is logged.
 * <p>
 * Spring Boot's default logging configuration uses it through
 * {@link ObservabilityJsonFormatter}; a hand-written {@code logback-spring.xml} can use
 * it directly:
 * <pre>{@code
 * <encoder class="dev.aisd.observability.logging.ObservabilityJsonEncoder">
 *   <service>my-service</service>
 * </encoder>
 * }</pre>
 *
 * @since 0.1.0
 */
public class ObservabilityJsonEncoder extends LoggingEventCompositeJsonEncoder {

	/** MDC key under which Micrometer Tracing puts the trace id. */
	static final String MDC_TRACE_ID = "traceId";

	/** MDC key under which Micrometer Tracing puts the span id. */
	static final String MDC_SPAN_ID = "spanId";

	private final ServiceJsonProvider serviceProvider = new ServiceJsonProvider(ServiceName.UNKNOWN);

	private String service = ServiceName.UNKNOWN;

	/**
	 * Create an encoder for the service named {@value ServiceName#UNKNOWN} until
	 * {@link #setService(String)} names it.
	 */
	public ObservabilityJsonEncoder() {
		// Modules found on the class path could change how arguments are written and
		// slow down start-up; the fields written here need none.
		setFindAndRegisterJacksonModules(false);
		// One event per line whatever the platform, as log shippers expect.
		setLineSeparator("UNIX");
		LoggingEventJsonProviders providers = new LoggingEventJsonProviders();
		LoggingEventFormattedTimestampJsonProvider timestamp = named(new LoggingEventFormattedTimestampJsonProvider(),
				"timestamp");
		timestamp.setPattern("[ISO_INSTANT]");
		timestamp.setTimeZone("UTC");
		providers.addTimestamp(timestamp);
		providers.addLogLevel(named(new LogLevelJsonProvider(), "level"));
		providers.addLoggerName(named(new LoggerNameJsonProvider(), "logger"));
		providers.addThreadName(named(new LoggingEventThreadNameJsonProvider(), "thread"));
		providers.addMessage(named(new MessageJsonProvider(), "message"));
		providers.addProvider(this.serviceProvider);
		MdcJsonProvider mdc = new MdcJsonProvider();
		// Renamed rather than written twice: Spring Boot's tracing owns these MDC keys.
		mdc.addMdcKeyFieldName(MDC_TRACE_ID + "=trace_id");
		mdc.addMdcKeyFieldName(MDC_SPAN_ID + "=span_id");
		mdc.addMdcEntryWriter(new StringMdcEntryWriter());
		providers.addMdc(mdc);
		providers.addKeyValuePairs(new KeyValuePairsJsonProvider());
		providers.addArguments(new ArgumentsJsonProvider());
		providers.addLogstashMarkers(new LogstashMarkersJsonProvider());
		providers.addStackTrace(named(new StackTraceJsonProvider(), "stack_trace"));
		setProviders(providers);
	}

	/** The contract's field names replace logstash-logback-encoder's defaults ({@code @timestamp}, ...). */
	private static <P extends AbstractFieldJsonProvider<ILoggingEvent>> P named(P provider, String fieldName) {
		provider.setFieldName(fieldName);
		return provider;
	}

	/**
	 * Return the service name written in every event.
	 * @return the service name
	 */
	public String getService() {
		return this.service;
	}

	/**
	 * Set the service name written in every event.
	 * @param service the service name
	 */
	public void setService(String service) {
		this.service = service;
		this.serviceProvider.setService(service);
	}

}
