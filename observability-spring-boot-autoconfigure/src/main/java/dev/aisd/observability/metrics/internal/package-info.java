/**
 * Internal classes of the metrics feature; not API, may change without notice.
 */
package dev.aisd.observability.metrics.internal;
