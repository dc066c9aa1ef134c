package dev.aisd.observability.web.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Carries the server span of a WebFlux request between the Reactor context and the
 * tracer's thread-local scope, so that on any thread of the request's reactive chain
 * {@code Tracer.currentSpan()} is that span, log lines carry its ids and outgoing calls
 * continue its trace. Registered with the global {@code ContextRegistry} through
 * {@code META-INF/services}. Reactor pairs every {@code setValue} with one
 * {@code restore}, innermost first, so the scopes opened here form a stack per thread
 * and each restore closes the newest. No tracing type appears here: the accessor is
 * loaded by the {@code ServiceLoader} even where Micrometer Tracing is absent. Not API:
 * may change without notice.
 */
public final class ServerSpanThreadLocalAccessor implements ThreadLocalAccessor<ServerSpanThreadLocalAccessor.ServerSpan> {

	/** Key of the server span in the Reactor context. */
	public static final String KEY = "dev.aisd.observability.server_span";

	private static final ThreadLocal<Entry> CURRENT = ServerSpan.CURRENT;

	@Override
	public Object key() {
		return KEY;
	}

	@Override
	public ServerSpan getValue() {
		Entry entry = CURRENT.get();
		return (entry != null) ? entry.value : null;
	}

	@Override
	public void setValue(ServerSpan value) {
		Entry top = CURRENT.get();
		CURRENT.set(new Entry(value, value.open(false), top));
	}

	@Override
	public void setValue() {
		// Cleared (a snapshot without a server span): no span of ours is current until
		// the matching restore. Without one of ours on this thread there is nothing to
		// hide, and the scopes of other instrumentation are not ours to close.
		Entry top = CURRENT.get();
		Closeable scope = (top != null && top.value != null) ? top.value.open(true) : null;
		CURRENT.set(new Entry(null, scope, top));
	}

	@Override
	public void restore(ServerSpan previousValue) {
		pop();
	}

	@Override
	public void restore() {
		pop();
	}

	private static void pop() {
		Entry top = CURRENT.get();
		if (top == null) {
			return;
		}
		if (top.scope != null) {
			try {
				top.scope.close();
			}
			catch (IOException ex) {
				// A tracer's scope does not throw.
				throw new UncheckedIOException(ex);
			}
		}
		if (top.previous != null) {
			CURRENT.set(top.previous);
		}
		else {
			CURRENT.remove();
		}
	}

	/**
	 * A server span that can be made current: the value of {@link #KEY} in the Reactor
	 * context.
	 */
	public abstract static class ServerSpan {

		// Here rather than in the accessor: reading the current exchange must not load
		// the context-propagation library, which may be absent.
		static final ThreadLocal<Entry> CURRENT = new ThreadLocal<>();

		/**
		 * Return the exchange whose server span is current on this thread.
		 * @return the {@code ServerWebExchange}, or {@code null} when no server span of a
		 * WebFlux request is current here
		 */
		public static Object currentExchange() {
			Entry entry = CURRENT.get();
			return (entry != null && entry.value != null) ? entry.value.exchange() : null;
		}

		/**
		 * Return the exchange of this span.
		 * @return the {@code ServerWebExchange}
		 */
		protected abstract Object exchange();

		/**
		 * Make the span current on this thread, or make no span current.
		 * @param clear whether to make no span current instead
		 * @return the scope, to be closed on the same thread
		 */
		protected abstract Closeable open(boolean clear);

	}

	static final class Entry {

		final ServerSpan value;

		final Closeable scope;

		final Entry previous;

		Entry(ServerSpan value, Closeable scope, Entry previous) {
			this.value = value;
			this.scope = scope;
			this.previous = previous;
		}

	}

}
