/**
 * The console page: traces by latency, one trace as a waterfall, health with history, the
 * scorecard and the busiest routes, served by the process itself.
 */
package dev.aisd.observability.console;
