package dev.aisd.observability.health;

/**
 * Properties of the checks' appearance in Spring Boot's health endpoint
 * ({@code observability.health.boot-contributor.*}).
 *
 * @since 0.1.0
 */
public class BootContributorProperties {

	/**
	 * Whether the checks of this starter (not the Spring Boot indicators it imports)
	 * appear in Spring Boot's /actuator/health as the contributor 'observability'.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
