/**
 * Internal helpers of the JSON logs; not API, may change without notice.
 */
package dev.aisd.observability.logging.internal;
