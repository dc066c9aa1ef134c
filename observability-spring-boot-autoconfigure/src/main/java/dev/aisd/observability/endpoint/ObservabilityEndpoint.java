package dev.aisd.observability.endpoint;

import java.util.Objects;

import org.springframework.util.Assert;

/**
 * One operations endpoint of the starter ({@code GET} only): its id (used by
 * {@code observability.endpoints.web.exposure.*} and by the security matchers), its path
 * and its handler. Every bean of this type is served by the Spring MVC or WebFlux
 * adapter, on the application port or, when {@code management.server.port} differs, on
 * the management port.
 *
 * @param id the endpoint id, for example {@value ObservabilityEndpoints#TRACES}
 * @param path the path, for example {@code /observability/traces}
 * @param handler what it answers
 * @since 0.1.0
 */
public record ObservabilityEndpoint(String id, String path, EndpointHandler handler) {

	/**
	 * Creates an endpoint.
	 * @param id the endpoint id
	 * @param path the path, starting with {@code /}
	 * @param handler the handler
	 */
	public ObservabilityEndpoint {
		Assert.hasText(id, "'id' must not be empty");
		Assert.isTrue(path != null && path.startsWith("/"), () -> "Path of endpoint '" + id
				+ "' must start with '/' but was '" + path + "'");
		Objects.requireNonNull(handler, "handler");
	}

}
