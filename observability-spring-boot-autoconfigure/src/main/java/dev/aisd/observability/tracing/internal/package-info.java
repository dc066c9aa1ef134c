/**
 * Internal classes of the tracing feature; not API, they may change in any release.
 */
package dev.aisd.observability.tracing.internal;
