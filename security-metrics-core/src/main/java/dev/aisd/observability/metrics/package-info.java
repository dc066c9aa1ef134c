/**
 * Metric helpers shared by every module: bounded label values.
 */
package dev.aisd.observability.metrics;
