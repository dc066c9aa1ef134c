package dev.aisd.observability.health.internal;

/**
 * Registers checks after the declared ones ({@code @HealthCheck} methods and
 * {@link dev.aisd.observability.health.HealthCheckFunction} beans), so that a declared
 * check wins a name clash. Spring Boot's health contributors are one.
 */
@FunctionalInterface
public interface LateHealthCheckSource {

	/**
	 * Registers the checks.
	 * @param engine where to register
	 */
	void registerWith(HealthCheckEngine engine);

}
