package dev.aisd.observability.endpoint;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end: the endpoints secured by one matcher call each (probes, metrics and health
 * open; every other endpoint behind role OPERATOR), health details by the show-details
 * rule, and the probes following Spring Boot's application availability. The subclasses
 * choose the stack and the port.
 */
abstract class AbstractSecuredEndpointsIntegrationTests {

	@Autowired
	ApplicationContext context;

	abstract int endpointPort();

	@Test
	void tracesWhenAnonymousThenUnauthorized() {
		assertThat(EndpointHttp.get(endpointPort(), "/observability/traces").statusCode()).isEqualTo(401);
		assertThat(EndpointHttp.get(endpointPort(), "/observability/security/scorecard").statusCode()).isEqualTo(401);
	}

	@Test
	void tracesWhenOperatorThenServed() {
		assertThat(EndpointHttp.get(endpointPort(), "/observability/traces", "operator", "secret").body())
			.startsWith("{\"traces\":[");
		assertThat(EndpointHttp.get(endpointPort(), "/observability/traces", "viewer", "secret").statusCode())
			.isEqualTo(403);
	}

	@Test
	void probesAndMetricsWhenAnonymousThenOpen() {
		assertThat(EndpointHttp.get(endpointPort(), "/health/live").statusCode()).isEqualTo(200);
		assertThat(EndpointHttp.get(endpointPort(), "/health/ready").statusCode()).isEqualTo(200);
		assertThat(EndpointHttp.get(endpointPort(), "/metrics").statusCode()).isEqualTo(200);
	}

	@Test
	void healthDetailsWhenAnonymousThenHiddenAndWhenOperatorThenShown() {
		String anonymous = EndpointHttp.get(endpointPort(), "/health").body();
		assertThat(anonymous).contains("\"diskSpace\":{\"status\":\"ok\"").doesNotContain("\"detail\"")
			.doesNotContain("\"free\"");
		String viewer = EndpointHttp.get(endpointPort(), "/health", "viewer", "secret").body();
		assertThat(viewer).doesNotContain("\"detail\"");
		String operator = EndpointHttp.get(endpointPort(), "/health", "operator", "secret").body();
		assertThat(operator).contains("\"detail\":{").contains("\"free\"");
	}

	@Test
	void liveWhenLivenessBrokenThen503() {
		AvailabilityChangeEvent.publish(this.context, LivenessState.BROKEN);
		try {
			var live = EndpointHttp.get(endpointPort(), "/health/live");
			assertThat(live.statusCode()).isEqualTo(503);
			assertThat(live.body()).contains("\"status\":\"error\"");
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, LivenessState.CORRECT);
		}
		assertThat(EndpointHttp.get(endpointPort(), "/health/live").statusCode()).isEqualTo(200);
	}

	@Test
	void readyWhenRefusingTrafficThen503WhateverTheChecks() {
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			assertThat(EndpointHttp.get(endpointPort(), "/health/ready").statusCode()).isEqualTo(503);
			assertThat(EndpointHttp.get(endpointPort(), "/health/live").statusCode()).isEqualTo(200);
		}
		finally {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertThat(EndpointHttp.get(endpointPort(), "/health/ready").statusCode()).isEqualTo(200);
	}

}
