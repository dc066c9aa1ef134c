/**
 * Internal parts of the security metric catalogue; not API, may change without notice.
 */
package dev.aisd.observability.security.internal;
