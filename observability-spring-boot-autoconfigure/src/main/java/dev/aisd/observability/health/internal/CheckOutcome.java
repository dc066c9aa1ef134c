package dev.aisd.observability.health.internal;

import java.time.Instant;
import java.util.Map;

import dev.aisd.observability.health.HealthStatus;

/**
 * The finished run of a check, after hysteresis.
 *
 * @param status the reported status
 * @param rawStatus the status the run itself returned
 * @param detail the sanitized detail of the run
 * @param durationMs how long the run took, in milliseconds
 * @param finishedAt when it finished
 * @param pending the status change held back by hysteresis, {@code null} when none
 */
public record CheckOutcome(HealthStatus status, HealthStatus rawStatus, Map<String, Object> detail, long durationMs,
		Instant finishedAt, Hysteresis.Pending pending) {
}
