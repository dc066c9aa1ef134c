/**
 * A Spring Security request matcher for the starter's endpoints on Spring MVC.
 */
package dev.aisd.observability.endpoint.security.servlet;
