package dev.aisd.observability.endpoint;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: with {@code management.server.port} every endpoint moves to the management
 * port, and {@code observability.endpoints.web.exposure.exclude=traces} switches one off.
 * The subclasses choose Spring MVC or WebFlux.
 */
abstract class AbstractManagementPortIntegrationTests {

	static final List<String> SERVED = List.of("/metrics", "/health", "/health/live", "/health/ready",
			"/observability/security/scorecard");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void endpointsWhenManagementPortThenServedThere() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		for (String path : SERVED) {
			assertThat(EndpointHttp.get(this.managementPort, path).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(EndpointHttp.get(this.managementPort, "/metrics").body()).contains("jvm_memory_used_bytes");
		assertThat(EndpointHttp.get(this.managementPort, "/health").body()).contains("\"service\":\"ops-test\"");
	}

	@Test
	void endpointsWhenManagementPortThenNotOnApplicationPort() {
		for (String path : SERVED) {
			assertThat(EndpointHttp.get(this.port, path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(EndpointHttp.get(this.port, "/ping").statusCode()).isEqualTo(200);
	}

	@Test
	void tracesWhenExcludedFromExposureThenNotFoundOnEitherPort() {
		assertThat(EndpointHttp.get(this.managementPort, "/observability/traces").statusCode()).isEqualTo(404);
		assertThat(EndpointHttp.get(this.port, "/observability/traces").statusCode()).isEqualTo(404);
	}

}
