/**
 * Internal classes of the security metrics auto-configuration; not API, may change in
 * any release.
 */
package dev.aisd.observability.security.autoconfigure.internal;
