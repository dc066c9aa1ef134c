package dev.aisd.observability.tracing;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * A span around a piece of work: a child of the current span, and the current span
 * itself while it is open, so log lines written inside carry its {@code trace_id} and
 * {@code span_id}.
 *
 * <pre class="code">
 * try (TraceSpan span = TraceSpan.start("example.operation", Map.of("foo", "bar"))) {
 *     ...
 * }
 * catch (IOException ex) {
 *     ...                  // close() cannot see the exception: use span.error(ex) inside,
 * }                        // or TraceSpan.run / call / supply, which record what escapes
 * </pre>
 *
 * Open and close a span on the same thread: it is bound to the thread that started it.
 * In a Spring Boot application the starter backs this class with the application's
 * Micrometer {@link Tracer}; outside an application context, before it has started, or
 * after it has closed, spans are no-ops and the work runs untraced.
 *
 * @since 0.1.0
 */
public final class TraceSpan implements AutoCloseable {

	private static final AtomicReference<Tracer> tracer = new AtomicReference<>(Tracer.NOOP);

	private final Span span;

	private final Tracer.SpanInScope scope;

	private boolean closed;

	private TraceSpan(Span span, Tracer.SpanInScope scope) {
		this.span = span;
		this.scope = scope;
	}

	/**
	 * Start a span as a child of the current span and make it current until
	 * {@link #close()}.
	 * @param name the span name
	 * @param attributes the attributes ({@link String}, {@link Number}, {@link Boolean}
	 * values are kept as they are, others as their {@code toString()}); may be
	 * {@code null}
	 * @return the open span
	 */
	public static TraceSpan start(String name, Map<String, ?> attributes) {
		Tracer current = tracer.get();
		Span span = current.nextSpan().name((name != null) ? name : "unnamed");
		if (attributes != null) {
			attributes.forEach((key, value) -> tag(span, key, value));
		}
		span.start();
		return new TraceSpan(span, current.withSpan(span));
	}

	/**
	 * Start a span without attributes.
	 * @param name the span name
	 * @return the open span
	 * @see #start(String, Map)
	 */
	public static TraceSpan start(String name) {
		return start(name, null);
	}

	/**
	 * Run work in a span; an exception that escapes marks the span as error and is
	 * rethrown.
	 * @param name the span name
	 * @param attributes the attributes, may be {@code null}
	 * @param work the work
	 */
	public static void run(String name, Map<String, ?> attributes, Runnable work) {
		try (TraceSpan span = start(name, attributes)) {
			try {
				work.run();
			}
			catch (RuntimeException | Error ex) {
				span.error(ex);
				throw ex;
			}
		}
	}

	/**
	 * Call work in a span and return its result; an exception that escapes marks the span
	 * as error and is rethrown.
	 * @param <T> the type of the result
	 * @param name the span name
	 * @param attributes the attributes, may be {@code null}
	 * @param work the work
	 * @return the result of the work
	 * @throws Exception what the work throws
	 */
	public static <T> T call(String name, Map<String, ?> attributes, Callable<T> work) throws Exception {
		try (TraceSpan span = start(name, attributes)) {
			try {
				return work.call();
			}
			catch (Exception | Error ex) {
				span.error(ex);
				throw ex;
			}
		}
	}

	/**
	 * Get a result in a span, for work without checked exceptions; an exception that
	 * escapes marks the span as error and is rethrown.
	 * @param <T> the type of the result
	 * @param name the span name
	 * @param attributes the attributes, may be {@code null}
	 * @param work the work
	 * @return the result of the work
	 */
	public static <T> T supply(String name, Map<String, ?> attributes, Supplier<T> work) {
		try (TraceSpan span = start(name, attributes)) {
			try {
				return work.get();
			}
			catch (RuntimeException | Error ex) {
				span.error(ex);
				throw ex;
			}
		}
	}

	/**
	 * Add an attribute.
	 * @param key the key
	 * @param value the value
	 * @return this span
	 */
	public TraceSpan attribute(String key, Object value) {
		tag(this.span, key, value);
		return this;
	}

	/**
	 * Mark the span as failed by an exception.
	 * @param error the exception
	 * @return this span
	 */
	public TraceSpan error(Throwable error) {
		if (error != null) {
			this.span.error(error);
		}
		return this;
	}

	/**
	 * Return the trace id, empty when tracing is not active.
	 * @return the trace id
	 */
	public String traceId() {
		return this.span.context().traceId();
	}

	/**
	 * Return the span id, empty when tracing is not active.
	 * @return the span id
	 */
	public String spanId() {
		return this.span.context().spanId();
	}

	/**
	 * End the span and restore the span that was current before. Calling it again has no
	 * effect.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.scope.close();
		}
		finally {
			this.span.end();
		}
	}

	private static void tag(Span span, String key, Object value) {
		if (key == null || value == null) {
			return;
		}
		if (value instanceof String string) {
			span.tag(key, string);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short
				|| value instanceof Byte) {
			span.tag(key, ((Number) value).longValue());
		}
		else if (value instanceof Number number) {
			span.tag(key, number.doubleValue());
		}
		else if (value instanceof Boolean bool) {
			span.tag(key, bool);
		}
		else {
			span.tag(key, value.toString());
		}
	}

	/**
	 * Install the tracer that backs new spans.
	 * @param newTracer the tracer, {@code null} for the no-op tracer
	 */
	static void useTracer(Tracer newTracer) {
		tracer.set((newTracer != null) ? newTracer : Tracer.NOOP);
	}

	/**
	 * Uninstall a tracer if it is still the one in use.
	 * @param oldTracer the tracer to uninstall
	 */
	static void releaseTracer(Tracer oldTracer) {
		tracer.compareAndSet(oldTracer, Tracer.NOOP);
	}

}
