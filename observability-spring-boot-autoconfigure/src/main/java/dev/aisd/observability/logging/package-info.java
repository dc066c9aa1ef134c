/**
 * JSON logs on stdout with the service name and the request context, and the
 * {@code Handled request} line after every HTTP request.
 */
package dev.aisd.observability.logging;
