package dev.aisd.observability.tracing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the span ring buffer and of {@code GET /observability/traces}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability.traces")
public class TracesProperties {

	/**
	 * Whether spans are recorded into the in-memory buffer, served at the traces path,
	 * named after the route template, and sampled "local always, export sampled".
	 */
	private boolean enabled = true;

	/**
	 * Number of finished spans kept in memory, the newest ones. The OBS_TRACE_HISTORY
	 * environment variable is read when this property is not set (the relaxed name
	 * OBSERVABILITY_TRACES_HISTORY works as well).
	 */
	private int history = 512;

	/**
	 * Path of the endpoint that serves the buffered spans.
	 */
	private String path = "/observability/traces";

	/**
	 * Maximum number of attributes a buffered span keeps; the others are dropped and
	 * counted in the 'observability.attributes.dropped' attribute.
	 */
	private int maxAttributes = 32;

	/**
	 * Maximum number of characters of an attribute value or span name in the buffer;
	 * longer values are cut and end with an ellipsis.
	 */
	private int maxAttributeLength = 256;

	/**
	 * Link from every span served at the traces path to its trace in a trace UI, written
	 * as 'trace_url'; '{trace_id}' stands for the trace id (appended when absent), for
	 * example 'http://zipkin:9411/zipkin/traces/{trace_id}'. No link when unset.
	 */
	private String uiUrl;

	/**
	 * Reservoirs that keep whole error and slow traces beyond the newest spans.
	 */
	private final Retention retention = new Retention();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getHistory() {
		return this.history;
	}

	public void setHistory(int history) {
		this.history = history;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public int getMaxAttributes() {
		return this.maxAttributes;
	}

	public void setMaxAttributes(int maxAttributes) {
		this.maxAttributes = maxAttributes;
	}

	public int getMaxAttributeLength() {
		return this.maxAttributeLength;
	}

	public void setMaxAttributeLength(int maxAttributeLength) {
		this.maxAttributeLength = maxAttributeLength;
	}

	public String getUiUrl() {
		return this.uiUrl;
	}

	public void setUiUrl(String uiUrl) {
		this.uiUrl = uiUrl;
	}

	public Retention getRetention() {
		return this.retention;
	}

	/**
	 * Retention of interesting traces: decided when the local root span of a trace ends,
	 * the trace's spans still in the buffer are kept in a bounded reservoir.
	 */
	public static class Retention {

		/**
		 * Whether traces that ended in error and the slowest traces per route are kept
		 * beyond the newest spans.
		 */
		private boolean enabled = true;

		/**
		 * Number of the newest traces that ended in error (the local root span, or any of
		 * its spans, has status error) kept beyond the newest spans.
		 */
		private int errorTraces = 32;

		/**
		 * Number of the slowest traces kept per route (the name of the local root span,
		 * such as 'http GET /items/{id}').
		 */
		private int slowTracesPerRoute = 3;

		/**
		 * Number of routes with their own slow-trace reservoir; spans of further routes
		 * share one more reservoir.
		 */
		private int maxRoutes = 16;

		/**
		 * Maximum number of spans kept of one retained trace, the local root and its
		 * newest children.
		 */
		private int maxSpansPerTrace = 16;

		/**
		 * How long a slow trace is kept before any newer trace of the same route may
		 * replace it, so the reservoir follows the current latency rather than the slowest
		 * requests since startup.
		 */
		private Duration slowWindow = Duration.ofMinutes(15);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getErrorTraces() {
			return this.errorTraces;
		}

		public void setErrorTraces(int errorTraces) {
			this.errorTraces = errorTraces;
		}

		public int getSlowTracesPerRoute() {
			return this.slowTracesPerRoute;
		}

		public void setSlowTracesPerRoute(int slowTracesPerRoute) {
			this.slowTracesPerRoute = slowTracesPerRoute;
		}

		public int getMaxRoutes() {
			return this.maxRoutes;
		}

		public void setMaxRoutes(int maxRoutes) {
			this.maxRoutes = maxRoutes;
		}

		public int getMaxSpansPerTrace() {
			return this.maxSpansPerTrace;
		}

		public void setMaxSpansPerTrace(int maxSpansPerTrace) {
			this.maxSpansPerTrace = maxSpansPerTrace;
		}

		public Duration getSlowWindow() {
			return this.slowWindow;
		}

		public void setSlowWindow(Duration slowWindow) {
			this.slowWindow = slowWindow;
		}

	}

}
