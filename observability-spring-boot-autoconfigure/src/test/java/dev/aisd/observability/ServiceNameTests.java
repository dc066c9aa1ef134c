package dev.aisd.observability;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNameTests {

	@Test
	void resolveWhenObservabilityServiceNameSetThenItWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("observability.service-name", "edge")
			.withProperty("spring.application.name", "app")
			.withProperty("SERVICE_NAME", "env");
		assertThat(ServiceName.resolve(environment).value()).isEqualTo("edge");
	}

	@Test
	void resolveWhenOnlyApplicationNameThenApplicationName() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "app")
			.withProperty("SERVICE_NAME", "env");
		assertThat(ServiceName.resolve(environment).value()).isEqualTo("app");
	}

	@Test
	void resolveWhenOnlyEnvironmentVariableThenEnvironmentVariable() {
		MockEnvironment environment = new MockEnvironment().withProperty("SERVICE_NAME", " env ");
		assertThat(ServiceName.resolve(environment).value()).isEqualTo("env");
	}

	@Test
	void resolveWhenNothingThenUnknown() {
		MockEnvironment environment = new MockEnvironment().withProperty("observability.service-name", " ");
		assertThat(ServiceName.resolve(environment).value()).isEqualTo(ServiceName.UNKNOWN);
	}

}
