/**
 * Spring wiring of the security metrics: the collector bean, the scorecard endpoint and
 * the Spring Security integration.
 */
package dev.aisd.observability.security.autoconfigure;
