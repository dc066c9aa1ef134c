package dev.aisd.observability.health;

import java.util.ArrayList;
import java.util.List;

/**
 * Properties of the Spring Boot health indicators and contributors shown as checks
 * ({@code observability.health.boot-indicators.*}).
 *
 * @since 0.1.0
 */
public class BootIndicatorsProperties {

	/**
	 * Whether Spring Boot health indicators and contributors in the context appear as
	 * checks.
	 */
	private boolean enabled = true;

	/**
	 * Whether Spring Boot health indicators are critical unless
	 * 'observability.health.checks.<name>.critical' says otherwise.
	 */
	private boolean critical = false;

	/**
	 * Names of Spring Boot health contributors not to show ('ping' always answers up
	 * and only adds noise).
	 */
	private List<String> exclude = new ArrayList<>(List.of("ping"));

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isCritical() {
		return this.critical;
	}

	public void setCritical(boolean critical) {
		this.critical = critical;
	}

	public List<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(List<String> exclude) {
		this.exclude = exclude;
	}

}
