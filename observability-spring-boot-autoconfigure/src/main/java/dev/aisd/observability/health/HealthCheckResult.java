package dev.aisd.observability.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one run of a health check: a status and free-form detail.
 *
 * @param status the status, never {@code null}
 * @param detail the detail, never {@code null}, unmodifiable; values should be JSON-like
 * (strings, numbers, booleans, maps, lists); anything else is rendered as a string
 * @since 0.1.0
 */
public record HealthCheckResult(HealthStatus status, Map<String, Object> detail) {

	/**
	 * Creates a result.
	 * @param status the status, never {@code null}
	 * @param detail the detail, {@code null} for none; copied, {@code null} keys are dropped
	 */
	public HealthCheckResult {
		Objects.requireNonNull(status, "status must not be null");
		detail = copy(detail);
	}

	/**
	 * A healthy result without detail.
	 * @return the result
	 */
	public static HealthCheckResult healthy() {
		return new HealthCheckResult(HealthStatus.OK, null);
	}

	/**
	 * A healthy result.
	 * @param detail the detail, may be {@code null}
	 * @return the result
	 */
	public static HealthCheckResult healthy(Map<String, ?> detail) {
		return new HealthCheckResult(HealthStatus.OK, widen(detail));
	}

	/**
	 * A healthy result whose detail is {@code {"message": message}}.
	 * @param message the message
	 * @return the result
	 */
	public static HealthCheckResult healthy(String message) {
		return new HealthCheckResult(HealthStatus.OK, message(message));
	}

	/**
	 * A degraded result without detail.
	 * @return the result
	 */
	public static HealthCheckResult degraded() {
		return new HealthCheckResult(HealthStatus.DEGRADED, null);
	}

	/**
	 * A degraded result.
	 * @param detail the detail, may be {@code null}
	 * @return the result
	 */
	public static HealthCheckResult degraded(Map<String, ?> detail) {
		return new HealthCheckResult(HealthStatus.DEGRADED, widen(detail));
	}

	/**
	 * A degraded result whose detail is {@code {"message": message}}.
	 * @param message the message
	 * @return the result
	 */
	public static HealthCheckResult degraded(String message) {
		return new HealthCheckResult(HealthStatus.DEGRADED, message(message));
	}

	/**
	 * An unhealthy result without detail.
	 * @return the result
	 */
	public static HealthCheckResult unhealthy() {
		return new HealthCheckResult(HealthStatus.ERROR, null);
	}

	/**
	 * An unhealthy result.
	 * @param detail the detail, may be {@code null}
	 * @return the result
	 */
	public static HealthCheckResult unhealthy(Map<String, ?> detail) {
		return new HealthCheckResult(HealthStatus.ERROR, widen(detail));
	}

	/**
	 * An unhealthy result whose detail is {@code {"error": error}}.
	 * @param error what is wrong
	 * @return the result
	 */
	public static HealthCheckResult unhealthy(String error) {
		return new HealthCheckResult(HealthStatus.ERROR, Collections.singletonMap("error", error));
	}

	/**
	 * An unhealthy result whose detail names the exception's type and message, never its
	 * stack trace.
	 * @param ex the exception
	 * @return the result
	 */
	public static HealthCheckResult unhealthy(Throwable ex) {
		String message = ex.getMessage();
		String error = (message != null) ? ex.getClass().getName() + ": " + message : ex.getClass().getName();
		return unhealthy(error);
	}

	private static Map<String, Object> message(String message) {
		return Collections.singletonMap("message", message);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> widen(Map<String, ?> detail) {
		return (Map<String, Object>) detail;
	}

	private static Map<String, Object> copy(Map<String, Object> detail) {
		if (detail == null || detail.isEmpty()) {
			return Collections.emptyMap();
		}
		// Map.copyOf rejects null values, which a detail may legitimately carry.
		Map<String, Object> copy = new LinkedHashMap<>(detail.size() * 2);
		for (Map.Entry<String, Object> entry : detail.entrySet()) {
			if (entry.getKey() != null) {
				copy.put(entry.getKey(), entry.getValue());
			}
		}
		return Collections.unmodifiableMap(copy);
	}

}
