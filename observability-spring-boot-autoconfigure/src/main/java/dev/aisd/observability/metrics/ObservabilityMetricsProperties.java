package dev.aisd.observability.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the Prometheus metrics feature.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability.metrics")
public class ObservabilityMetricsProperties {

	/**
	 * Whether the metrics feature (the metrics endpoint and the HTTP server metrics) is
	 * enabled.
	 */
	private boolean enabled = true;

	/**
	 * Path of the Prometheus scrape endpoint, on the application port and, when it differs,
	 * on the management port.
	 */
	private String path = "/metrics";

	/**
	 * Whether every meter gets a 'service' tag holding the service name.
	 */
	private boolean serviceTag = true;

	private final Http http = new Http();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public boolean isServiceTag() {
		return this.serviceTag;
	}

	public void setServiceTag(boolean serviceTag) {
		this.serviceTag = serviceTag;
	}

	public Http getHttp() {
		return this.http;
	}

	/**
	 * HTTP server metrics.
	 */
	public static class Http {

		/**
		 * Whether http_requests_total and http_request_duration_seconds are recorded.
		 */
		private boolean enabled = true;

		/**
		 * Upper bounds of the buckets of http_request_duration_seconds. Defaults to those of
		 * the Prometheus client libraries: 5ms, 10ms, 25ms, 50ms, 75ms, 100ms, 250ms, 500ms,
		 * 750ms, 1s, 2.5s, 5s, 7.5s and 10s.
		 */
		private List<Duration> buckets = new ArrayList<>(HttpRequestMetrics.DEFAULT_BUCKETS);

		/**
		 * Maximum number of distinct endpoint label values (route templates); further
		 * route templates fold into 'other' and are counted by
		 * observability_label_values_folded_total. Requests that match no route share the
		 * value 'UNMATCHED', which does not count against this bound.
		 */
		private int maxEndpoints = 200;

		/**
		 * Whether Spring Boot's own http.server.requests meters are kept besides ours.
		 * Off by default so that a request is recorded as metrics once.
		 */
		private boolean bootMeters = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<Duration> getBuckets() {
			return this.buckets;
		}

		public void setBuckets(List<Duration> buckets) {
			this.buckets = buckets;
		}

		public int getMaxEndpoints() {
			return this.maxEndpoints;
		}

		public void setMaxEndpoints(int maxEndpoints) {
			this.maxEndpoints = maxEndpoints;
		}

		public boolean isBootMeters() {
			return this.bootMeters;
		}

		public void setBootMeters(boolean bootMeters) {
			this.bootMeters = bootMeters;
		}

	}

}
