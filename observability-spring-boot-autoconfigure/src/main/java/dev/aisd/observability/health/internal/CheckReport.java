package dev.aisd.observability.health.internal;

import java.time.Instant;
import java.util.Map;

import dev.aisd.observability.health.HealthStatus;

/**
 * One entry of {@code checks} in the {@code /health} payload.
 *
 * @param name the name of the check
 * @param status the reported status (after hysteresis)
 * @param critical whether the check is critical
 * @param durationMs how long the run took, in milliseconds
 * @param detail the sanitized detail: only strings, numbers, booleans, nulls, maps and
 * lists
 * @param lastRun when the last background run finished, {@code null} for on-demand checks
 * @param stale whether the last background run is too old, {@code null} for on-demand
 * checks
 * @param pending the status change held back by hysteresis, {@code null} when none
 */
public record CheckReport(String name, HealthStatus status, boolean critical, long durationMs,
		Map<String, Object> detail, Instant lastRun, Boolean stale, Hysteresis.Pending pending) {
}
