/**
 * Observability for Spring Boot: what every feature shares.
 */
package dev.aisd.observability;
