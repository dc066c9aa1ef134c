/**
 * JMH benchmarks of the JSON log lines, the Handled request line and request ids.
 */
package dev.aisd.observability.benchmarks.logging;
