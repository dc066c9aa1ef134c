package dev.aisd.observability.web.internal;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Carries the request id between the Reactor context and the SLF4J {@link MDC}, so that
 * log lines written on any thread of a reactive chain (after {@code publishOn} or
 * {@code subscribeOn}) carry the {@code request_id} of their request. Registered with
 * the global {@code ContextRegistry} through {@code META-INF/services}.
 */
public final class RequestIdThreadLocalAccessor implements ThreadLocalAccessor<String> {

	/** Key of the request id in the Reactor context. */
	public static final String KEY = "dev.aisd.observability.request_id";

	/** Key of the request id in the SLF4J MDC. */
	public static final String MDC_KEY = "request_id";

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public String getValue() {
		return MDC.get(MDC_KEY);
	}

	@Override
	public void setValue(String value) {
		MDC.put(MDC_KEY, value);
	}

	@Override
	public void setValue() {
		MDC.remove(MDC_KEY);
	}

}
