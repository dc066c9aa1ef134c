/**
 * Internal helpers of the request context; not API, may change without notice.
 */
package dev.aisd.observability.web.internal;
