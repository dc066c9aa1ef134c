package dev.aisd.observability.health;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a health check. On a method of a bean, the method takes no parameters and returns
 * {@link HealthCheckResult}, {@code CompletionStage<HealthCheckResult>} or
 * {@code Mono<HealthCheckResult>}. On the class of a bean that implements
 * {@link HealthCheckFunction}, it names that check. Anything else fails the startup with
 * a message naming the bean and the method.
 * <p>
 * Every setting can be overridden by name in properties:
 * {@code observability.health.checks.<name>.critical}, {@code .timeout},
 * {@code .interval}, {@code .failure-threshold}, {@code .success-threshold},
 * {@code .enabled}.
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HealthCheck {

	/**
	 * Name of the check: its key in {@code /health} and its {@code check} metric label.
	 * Must be unique and not blank.
	 * @return the name
	 */
	String name();

	/**
	 * Whether an {@code error} of this check makes the service {@code error} (HTTP 503 and
	 * not ready). A non-critical failure only makes the service {@code degraded}.
	 * @return whether the check is critical
	 */
	boolean critical() default true;

	/**
	 * How long one run may take before it counts as {@code error} and is interrupted, as
	 * a duration string ({@code "500ms"}, {@code "3s"}, {@code "PT3S"}). Empty means
	 * {@code observability.health.timeout}.
	 * @return the timeout
	 */
	String timeout() default "";

	/**
	 * Interval of background runs, as a duration string. Empty means the check runs on
	 * demand, when {@code /health} asks and the cached result is older than
	 * {@code observability.health.cache-ttl}.
	 * @return the background interval
	 */
	String interval() default "";

	/**
	 * Number of consecutive worse results needed before the reported status gets worse.
	 * @return the failure threshold, at least 1
	 */
	int failureThreshold() default 1;

	/**
	 * Number of consecutive better results needed before the reported status gets better.
	 * @return the success threshold, at least 1
	 */
	int successThreshold() default 1;

}
