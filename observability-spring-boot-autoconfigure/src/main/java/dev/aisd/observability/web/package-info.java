/**
 * Request context for Servlet and WebFlux: request ids, and one measurement per request.
 */
package dev.aisd.observability.web;
