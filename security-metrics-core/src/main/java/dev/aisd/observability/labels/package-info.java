/**
 * Bounded values for metric labels that callers choose.
 */
package dev.aisd.observability.labels;
