package dev.aisd.observability.health;

import java.time.Duration;

/**
 * Overrides of one check ({@code observability.health.checks.<name>.*}); unset values
 * keep what the check declares.
 *
 * @since 0.1.0
 */
public class HealthCheckOverrideProperties {

	/**
	 * Whether the check runs at all.
	 */
	private Boolean enabled;

	/**
	 * Whether an error of the check makes the service 'error'.
	 */
	private Boolean critical;

	/**
	 * Timeout of one run of the check.
	 */
	private Duration timeout;

	/**
	 * Interval of background runs of the check.
	 */
	private Duration interval;

	/**
	 * Consecutive worse results before the reported status of the check gets worse.
	 */
	private Integer failureThreshold;

	/**
	 * Consecutive better results before the reported status of the check gets
	 * better.
	 */
	private Integer successThreshold;

	public Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(Boolean enabled) {
		this.enabled = enabled;
	}

	public Boolean getCritical() {
		return this.critical;
	}

	public void setCritical(Boolean critical) {
		this.critical = critical;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public Integer getFailureThreshold() {
		return this.failureThreshold;
	}

	public void setFailureThreshold(Integer failureThreshold) {
		this.failureThreshold = failureThreshold;
	}

	public Integer getSuccessThreshold() {
		return this.successThreshold;
	}

	public void setSuccessThreshold(Integer successThreshold) {
		this.successThreshold = successThreshold;
	}

}
