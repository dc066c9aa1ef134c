/**
 * The Spring MVC and WebFlux adapters of the endpoints; not API.
 */
package dev.aisd.observability.endpoint.internal;
