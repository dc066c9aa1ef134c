/**
 * Aggregated health checks served at {@code /health}, {@code /health/live} and
 * {@code /health/ready}, with per-check timeouts, caching, background runs, hysteresis
 * and metrics.
 */
package dev.aisd.observability.health;
