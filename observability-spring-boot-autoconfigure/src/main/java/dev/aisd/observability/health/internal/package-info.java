/**
 * Internal machinery of the health feature; not API, may change without notice.
 */
package dev.aisd.observability.health.internal;
