package dev.aisd.observability.endpoint;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ObservabilityEndpoints}.
 */
class ObservabilityEndpointsTests {

	private static final List<ObservabilityEndpoint> ALL = List.of(endpoint("metrics", "/metrics"),
			endpoint("liveness", "/health/live"), endpoint("traces", "/observability/traces"));

	@Test
	void allWhenDefaultExposureThenEveryEndpoint() {
		assertThat(new ObservabilityEndpoints(ALL, new EndpointsProperties.Exposure()).paths())
			.containsExactly("/metrics", "/health/live", "/observability/traces");
	}

	@Test
	void allWhenExcludedThenLeftOutAndExcludeWinsOverInclude() {
		EndpointsProperties.Exposure exposure = new EndpointsProperties.Exposure();
		exposure.setInclude(Set.of("traces", "metrics"));
		exposure.setExclude(Set.of("TRACES"));
		assertThat(new ObservabilityEndpoints(ALL, exposure).paths()).containsExactly("/metrics");
	}

	@Test
	void pathsWhenIdsThenOnlyThoseServed() {
		EndpointsProperties.Exposure exposure = new EndpointsProperties.Exposure();
		exposure.setExclude(Set.of("traces"));
		ObservabilityEndpoints endpoints = new ObservabilityEndpoints(ALL, exposure);
		assertThat(endpoints.paths("traces", "liveness")).containsExactly("/health/live");
	}

	@Test
	void constructorWhenTwoEndpointsShareAnIdThenFails() {
		assertThatIllegalStateException().isThrownBy(() -> new ObservabilityEndpoints(
				List.of(endpoint("metrics", "/a"), endpoint("metrics", "/b")), new EndpointsProperties.Exposure()))
			.withMessageContaining("'metrics'");
	}

	private static ObservabilityEndpoint endpoint(String id, String path) {
		return new ObservabilityEndpoint(id, path, EndpointHandler.immediate((call) -> EndpointResponse.json(200, "{}")));
	}

}
