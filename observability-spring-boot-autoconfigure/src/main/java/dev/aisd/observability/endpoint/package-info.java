/**
 * The operations endpoints of the starter, written once and served on Spring MVC and WebFlux, on the
 * application port or on the management port.
 */
package dev.aisd.observability.endpoint;
