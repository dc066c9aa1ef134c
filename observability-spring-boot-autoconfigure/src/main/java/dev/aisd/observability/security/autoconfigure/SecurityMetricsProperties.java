package dev.aisd.observability.security.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the security metrics: the collector, the scorecard endpoint and the
 * Spring Security integration.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability.security-metrics")
public class SecurityMetricsProperties {

	/**
	 * Whether to register the security metrics collector, its scorecard endpoint and the
	 * Spring Security integration.
	 */
	private boolean enabled = true;

	/**
	 * Most distinct values a caller-supplied label (attack type, rule id, endpoint, ...)
	 * may take per metric; later values fold into 'other' and are counted in
	 * observability_label_values_folded_total.
	 */
	private int maxLabelValues = 100;

	/**
	 * Most incidents kept per incident type for the rolling mean times to detect, respond
	 * and remediate.
	 */
	private int rollingWindowSize = 100;

	/**
	 * Age after which an incident leaves the rolling mean times.
	 */
	private Duration rollingWindowDuration = Duration.ofHours(1);

	/**
	 * Whether to serve the security scorecard as JSON.
	 */
	private boolean scorecardEnabled = true;

	/**
	 * Path of the security scorecard endpoint.
	 */
	private String scorecardPath = "/observability/security/scorecard";

	/**
	 * Spring Security integration.
	 */
	private final SpringSecurity springSecurity = new SpringSecurity();

	/**
	 * Security event log.
	 */
	private final EventLog eventLog = new EventLog();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxLabelValues() {
		return this.maxLabelValues;
	}

	public void setMaxLabelValues(int maxLabelValues) {
		this.maxLabelValues = maxLabelValues;
	}

	public int getRollingWindowSize() {
		return this.rollingWindowSize;
	}

	public void setRollingWindowSize(int rollingWindowSize) {
		this.rollingWindowSize = rollingWindowSize;
	}

	public Duration getRollingWindowDuration() {
		return this.rollingWindowDuration;
	}

	public void setRollingWindowDuration(Duration rollingWindowDuration) {
		this.rollingWindowDuration = rollingWindowDuration;
	}

	public boolean isScorecardEnabled() {
		return this.scorecardEnabled;
	}

	public void setScorecardEnabled(boolean scorecardEnabled) {
		this.scorecardEnabled = scorecardEnabled;
	}

	public String getScorecardPath() {
		return this.scorecardPath;
	}

	public void setScorecardPath(String scorecardPath) {
		this.scorecardPath = scorecardPath;
	}

	public SpringSecurity getSpringSecurity() {
		return this.springSecurity;
	}

	public EventLog getEventLog() {
		return this.eventLog;
	}

	/**
	 * Security event log.
	 */
	public static class EventLog {

		/**
		 * Whether to write one log line per recorded security event, with an 'event' field
		 * in the OWASP Logging Vocabulary (authn_login_fail, authz_fail, malicious_*, ...).
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Spring Security integration.
	 */
	public static class SpringSecurity {

		/**
		 * Whether to record Spring Security's authentication failures, authorization
		 * denials and firewall rejections when Spring Security is on the class path.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
