package dev.aisd.observability.tracing;

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

}
