/**
 * Prometheus metrics: the {@code /metrics} endpoint and the HTTP server metrics.
 */
package dev.aisd.observability.metrics;
