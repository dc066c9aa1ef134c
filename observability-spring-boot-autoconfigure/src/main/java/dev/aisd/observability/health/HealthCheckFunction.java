package dev.aisd.observability.health;

/**
 * A health check as a function. A bean implementing it is a check; annotate its class
 * with {@link HealthCheck} to give it a name and settings, otherwise its bean name is its
 * name. Also the type that {@link HealthCheckRegistry} accepts for checks built at
 * runtime.
 * <p>
 * The function runs on the health executor, never on a request thread, with a timeout;
 * it may block, and it should stop when interrupted.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface HealthCheckFunction {

	/**
	 * Runs the check.
	 * @return the result; {@code null} counts as an error
	 * @throws Exception any failure, which makes the check {@code error} with the
	 * exception's type and message as detail
	 */
	HealthCheckResult check() throws Exception;

}
