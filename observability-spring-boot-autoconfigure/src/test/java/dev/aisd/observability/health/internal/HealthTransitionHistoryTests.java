package dev.aisd.observability.health.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.aisd.observability.health.HealthStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HealthTransitionHistoryTests {

	private static final CheckSettings DB = new CheckSettings("db", true, Duration.ofSeconds(1), null, 1, 1);

	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	@Test
	void finishedWhenStatusChangesThenOneTransitionEach() {
		HealthTransitionHistory history = new HealthTransitionHistory(10);
		history.registered(DB);
		history.finished(DB, outcome(HealthStatus.OK, 0));
		history.finished(DB, outcome(HealthStatus.OK, 1));
		history.finished(DB, outcome(HealthStatus.ERROR, 2));
		history.finished(DB, outcome(HealthStatus.ERROR, 3));
		history.finished(DB, outcome(HealthStatus.OK, 4));
		assertThat(history.snapshot().get("db")).containsExactly(
				new HealthTransitionHistory.Transition(null, HealthStatus.OK, T0, 7),
				new HealthTransitionHistory.Transition(HealthStatus.OK, HealthStatus.ERROR, T0.plusSeconds(2), 7),
				new HealthTransitionHistory.Transition(HealthStatus.ERROR, HealthStatus.OK, T0.plusSeconds(4), 7));
	}

	@Test
	void finishedWhenMoreTransitionsThanCapacityThenOldestDropped() {
		HealthTransitionHistory history = new HealthTransitionHistory(2);
		history.registered(DB);
		for (int i = 0; i < 100; i++) {
			history.finished(DB, outcome((i % 2 == 0) ? HealthStatus.OK : HealthStatus.DEGRADED, i));
		}
		assertThat(history.snapshot().get("db")).hasSize(2)
			.extracting(HealthTransitionHistory.Transition::at)
			.containsExactly(T0.plusSeconds(98), T0.plusSeconds(99));
	}

	@Test
	void versionWhenNothingChangesThenSame() {
		HealthTransitionHistory history = new HealthTransitionHistory(5);
		history.registered(DB);
		history.finished(DB, outcome(HealthStatus.OK, 0));
		long version = history.version();
		history.finished(DB, outcome(HealthStatus.OK, 1));
		assertThat(history.version()).isEqualTo(version);
		history.finished(DB, outcome(HealthStatus.ERROR, 2));
		assertThat(history.version()).isGreaterThan(version);
	}

	@Test
	void unregisteredWhenCheckRemovedThenItsHistoryGoes() {
		HealthTransitionHistory history = new HealthTransitionHistory(5);
		history.registered(DB);
		history.finished(DB, outcome(HealthStatus.OK, 0));
		history.unregistered(DB);
		history.finished(DB, outcome(HealthStatus.ERROR, 1));
		assertThat(history.snapshot()).isEmpty();
	}

	@Test
	void constructorWhenCapacityBelowOneThenFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> new HealthTransitionHistory(0))
			.withMessage("capacity must be at least 1 but was 0");
	}

	@Test
	void engineWhenCheckFailsThenHistoryRecordsTheTransition() throws Exception {
		HealthTransitionHistory history = new HealthTransitionHistory(5);
		boolean[] failing = { false };
		try (HealthCheckEngine engine = new HealthCheckEngine(
				new HealthCheckEngine.EngineSettings(2, 16, Duration.ofSeconds(2), Duration.ZERO, 256),
				java.time.Clock.systemUTC(), (options) -> options)) {
			engine.addListener(history);
			engine.register(dev.aisd.observability.health.HealthCheckOptions.of("db").withCritical(true), () -> failing[0]
					? dev.aisd.observability.health.HealthCheckResult.unhealthy(Map.of("error", "down"))
					: dev.aisd.observability.health.HealthCheckResult.healthy(Map.of()));
			engine.evaluate().get();
			failing[0] = true;
			engine.evaluate().get();
		}
		assertThat(history.snapshot().get("db")).extracting(HealthTransitionHistory.Transition::to)
			.containsExactly(HealthStatus.OK, HealthStatus.ERROR);
	}

	private static CheckOutcome outcome(HealthStatus status, int second) {
		return new CheckOutcome(status, status, Map.of(), 7, T0.plusSeconds(second), null);
	}

}
