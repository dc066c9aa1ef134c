package dev.aisd.observability.endpoint;

import java.util.List;

import org.springframework.boot.actuate.endpoint.SecurityContext;

/**
 * One request to an {@link ObservabilityEndpoint}, as far as an endpoint needs to see it:
 * query parameters, headers and who is calling.
 *
 * @since 0.1.0
 */
public interface EndpointCall {

	/**
	 * Returns the first value of a query parameter.
	 * @param name the parameter name
	 * @return the value, {@code null} when absent
	 */
	String parameter(String name);

	/**
	 * Returns every value of a request header.
	 * @param name the header name (case-insensitive)
	 * @return the values, empty when absent
	 */
	List<String> headers(String name);

	/**
	 * Returns who is calling, in the terms of Spring Boot's endpoints (principal and roles).
	 * @return the security context, {@link SecurityContext#NONE} for an anonymous caller
	 */
	SecurityContext securityContext();

}
