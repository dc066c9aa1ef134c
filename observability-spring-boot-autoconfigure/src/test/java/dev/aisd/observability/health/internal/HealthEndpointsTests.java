package dev.aisd.observability.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;

import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HealthEndpoints}.
 */
class HealthEndpointsTests {

	private final CountDownLatch hang = new CountDownLatch(1);

	private final HealthCheckEngine engine = new HealthCheckEngine(
			new HealthCheckEngine.EngineSettings(2, 16, Duration.ofSeconds(5), Duration.ZERO, 1024),
			Clock.systemUTC(), Function.identity());

	private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

	private final HealthEndpoints endpoints = new HealthEndpoints(this.engine, "orders", 200,
			Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), this.availability, 2);

	@AfterEach
	void close() {
		this.hang.countDown();
		this.engine.close();
	}

	@Test
	void liveWhenLivenessBrokenThen503Error() {
		this.availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.BROKEN));
		EndpointResponse live = this.endpoints.live();
		assertThat(live.status()).isEqualTo(503);
		assertThat(live.bodyText())
			.isEqualTo("{\"status\":\"error\",\"service\":\"orders\",\"timestamp\":\"2026-12-01T10:00:00Z\"}");
		assertThat(live.headers()).containsEntry("Cache-Control", "no-store");
	}

	@Test
	void liveWhenLivenessCorrectThen200Ok() {
		this.availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.CORRECT));
		assertThat(this.endpoints.live().status()).isEqualTo(200);
		assertThat(this.endpoints.live().bodyText()).startsWith("{\"status\":\"ok\"");
	}

	@Test
	void readyWhenRefusingTrafficThen503AtOnceWithoutWaitingForAHungCheck() {
		this.engine.register(HealthCheckOptions.of("db"), () -> {
			this.hang.await();
			return HealthCheckResult.healthy();
		});
		this.availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
		CompletableFuture<EndpointResponse> ready = this.endpoints.ready();
		assertThat(ready).isDone();
		assertThat(ready.join().status()).isEqualTo(503);
	}

	@Test
	void healthWhenMoreWaitersThanTheBoundThenTheRestGet503AtOnce() {
		this.engine.register(HealthCheckOptions.of("db"), () -> {
			this.hang.await();
			return HealthCheckResult.healthy();
		});
		List<CompletableFuture<EndpointResponse>> waiting = List.of(this.endpoints.health(), this.endpoints.health());
		assertThat(waiting).noneMatch(CompletableFuture::isDone);
		assertThat(this.endpoints.waitingCallers()).isEqualTo(2);
		CompletableFuture<EndpointResponse> rejected = this.endpoints.health();
		assertThat(rejected).isDone();
		assertThat(rejected.join().status()).isEqualTo(503);
		assertThat(rejected.join().headers()).containsEntry("Retry-After", "1");
		this.hang.countDown();
		assertThat(waiting).allSatisfy((response) -> assertThat(response.join().status()).isEqualTo(200));
		assertThat(this.endpoints.waitingCallers()).isZero();
	}

	@Test
	void healthWhenDetailsHiddenThenNoDetailKey() {
		this.engine.register(HealthCheckOptions.of("db"), () -> HealthCheckResult.healthy(Map.of("path", "/srv")));
		assertThat(this.endpoints.health(false).join().bodyText()).contains("\"db\":{\"status\":\"ok\"")
			.doesNotContain("detail")
			.doesNotContain("/srv");
		assertThat(this.endpoints.health(true).join().bodyText()).contains("\"detail\":{\"path\":\"/srv\"}");
	}

}
