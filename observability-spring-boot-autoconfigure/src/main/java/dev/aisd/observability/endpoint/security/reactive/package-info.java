/**
 * A Spring Security exchange matcher for the starter's endpoints on WebFlux.
 */
package dev.aisd.observability.endpoint.security.reactive;
