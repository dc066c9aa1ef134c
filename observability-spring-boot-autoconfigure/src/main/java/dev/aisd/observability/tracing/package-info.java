/**
 * Spans: names and attributes of HTTP server spans, the in-memory ring buffer served at
 * {@code /observability/traces}, the {@link dev.aisd.observability.tracing.TraceSpan} API
 * and the accounting of span export.
 */
package dev.aisd.observability.tracing;
