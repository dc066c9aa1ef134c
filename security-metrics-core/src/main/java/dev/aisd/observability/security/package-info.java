/**
 * The security metric catalogue: {@link dev.aisd.observability.security.SecurityMetricsCollector}
 * records security events into Micrometer, and KPIs and a scorecard are computed from them.
 */
package dev.aisd.observability.security;
