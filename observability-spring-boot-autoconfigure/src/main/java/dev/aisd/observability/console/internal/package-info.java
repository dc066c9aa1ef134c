/**
 * Internal classes of the console page; not API, they may change in any release.
 */
package dev.aisd.observability.console.internal;
