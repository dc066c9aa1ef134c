package dev.aisd.observability.logging;

import java.util.Objects;

import dev.aisd.observability.logging.internal.HandledRequestFields;
import dev.aisd.observability.logging.internal.HandledRequestSummary;
import dev.aisd.observability.web.CompletedRequest;
import dev.aisd.observability.web.CompletedRequestListener;
import dev.aisd.observability.web.internal.RequestIdThreadLocalAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@link CompletedRequestListener} that logs one {@code Handled request} line at INFO on
 * the {@value #LOGGER_NAME} logger after every HTTP request, with the fields
 * {@code method}, {@code path} (the route template; the raw path, cut to 256 characters,
 * for a request that matched no route), {@code status_code}, {@code duration_seconds} and
 * {@code client_ip}, and the {@code request_id}, {@code trace_id} and {@code span_id} of
 * the request even though its MDC scope has already closed.
 *
 * @since 0.1.0
 */
public final class HandledRequestLogger implements CompletedRequestListener {

	/** Name of the logger of the {@code Handled request} lines. */
	public static final String LOGGER_NAME = "dev.aisd.observability.web.access";

	/** Message of every line. */
	public static final String MESSAGE = "Handled request";

	private static final String TRACE_ID = "traceId";

	private static final String SPAN_ID = "spanId";

	private final Logger logger;

	private final String format;

	private final boolean fieldsInMessage;

	/**
	 * Create a logger of {@code Handled request} lines.
	 * @param fieldsInMessage whether to write the fields into the message, for readable
	 * text logs, instead of as separate JSON fields (which needs logstash-logback-encoder)
	 */
	public HandledRequestLogger(boolean fieldsInMessage) {
		this(LoggerFactory.getLogger(LOGGER_NAME), fieldsInMessage);
	}

	HandledRequestLogger(Logger logger, boolean fieldsInMessage) {
		this.logger = logger;
		this.format = fieldsInMessage ? MESSAGE + " {}" : MESSAGE;
		this.fieldsInMessage = fieldsInMessage;
	}

	@Override
	public void onCompleted(CompletedRequest request) {
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		// The request's MDC scopes have closed by now (the tracing scope always, the
		// request id one on WebFlux): lend the line the request's own ids.
		String requestId = request.requestId();
		String traceId = request.traceId();
		String spanId = request.spanId();
		String previousRequestId = replace(RequestIdThreadLocalAccessor.MDC_KEY, requestId);
		String previousTraceId = replace(TRACE_ID, traceId);
		String previousSpanId = replace(SPAN_ID, spanId);
		try {
			// A plain summary needs nothing but its toString(); the structured fields need
			// logstash-logback-encoder, which is only there when fieldsInMessage is false.
			this.logger.info(this.format,
					this.fieldsInMessage ? new HandledRequestSummary(request) : new HandledRequestFields(request));
		}
		finally {
			restore(RequestIdThreadLocalAccessor.MDC_KEY, previousRequestId, requestId);
			restore(TRACE_ID, previousTraceId, traceId);
			restore(SPAN_ID, previousSpanId, spanId);
		}
	}

	private static String replace(String key, String value) {
		String previous = MDC.get(key);
		if (!Objects.equals(previous, value)) {
			put(key, value);
		}
		return previous;
	}

	private static void restore(String key, String previous, String value) {
		if (!Objects.equals(previous, value)) {
			put(key, previous);
		}
	}

	private static void put(String key, String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

}
