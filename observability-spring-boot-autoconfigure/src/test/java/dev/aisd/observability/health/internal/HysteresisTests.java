package dev.aisd.observability.health.internal;

import org.junit.jupiter.api.Test;

import dev.aisd.observability.health.HealthStatus;

import static org.assertj.core.api.Assertions.assertThat;

class HysteresisTests {

	@Test
	void applyWhenThresholdsAreOneThenReportsRawStatus() {
		Hysteresis hysteresis = new Hysteresis(1, 1);
		assertThat(hysteresis.apply(HealthStatus.OK).status()).isEqualTo(HealthStatus.OK);
		assertThat(hysteresis.apply(HealthStatus.ERROR)).isEqualTo(new Hysteresis.Decision(HealthStatus.ERROR, null));
		assertThat(hysteresis.apply(HealthStatus.DEGRADED).status()).isEqualTo(HealthStatus.DEGRADED);
	}

	@Test
	void applyWhenFirstResultThenReportedAsIs() {
		Hysteresis hysteresis = new Hysteresis(3, 3);
		assertThat(hysteresis.apply(HealthStatus.ERROR)).isEqualTo(new Hysteresis.Decision(HealthStatus.ERROR, null));
	}

	@Test
	void applyWhenFewerFailuresThanThresholdThenPreviousStatusWithPending() {
		Hysteresis hysteresis = new Hysteresis(3, 1);
		hysteresis.apply(HealthStatus.OK);
		assertThat(hysteresis.apply(HealthStatus.ERROR)).isEqualTo(
				new Hysteresis.Decision(HealthStatus.OK, new Hysteresis.Pending(HealthStatus.ERROR, 1, 3)));
		assertThat(hysteresis.apply(HealthStatus.DEGRADED)).isEqualTo(
				new Hysteresis.Decision(HealthStatus.OK, new Hysteresis.Pending(HealthStatus.DEGRADED, 2, 3)));
		assertThat(hysteresis.apply(HealthStatus.ERROR)).isEqualTo(new Hysteresis.Decision(HealthStatus.ERROR, null));
	}

	@Test
	void applyWhenSuccessInterruptsFailuresThenCountRestarts() {
		Hysteresis hysteresis = new Hysteresis(2, 1);
		hysteresis.apply(HealthStatus.OK);
		hysteresis.apply(HealthStatus.ERROR);
		assertThat(hysteresis.apply(HealthStatus.OK)).isEqualTo(new Hysteresis.Decision(HealthStatus.OK, null));
		assertThat(hysteresis.apply(HealthStatus.ERROR).pending().count()).isEqualTo(1);
	}

	@Test
	void applyWhenRecoveringThenNeedsSuccessThreshold() {
		Hysteresis hysteresis = new Hysteresis(1, 2);
		hysteresis.apply(HealthStatus.ERROR);
		assertThat(hysteresis.apply(HealthStatus.OK)).isEqualTo(
				new Hysteresis.Decision(HealthStatus.ERROR, new Hysteresis.Pending(HealthStatus.OK, 1, 2)));
		assertThat(hysteresis.apply(HealthStatus.OK)).isEqualTo(new Hysteresis.Decision(HealthStatus.OK, null));
	}

	@Test
	void applyWhenThresholdBelowOneThenTreatedAsOne() {
		Hysteresis hysteresis = new Hysteresis(0, -5);
		hysteresis.apply(HealthStatus.OK);
		assertThat(hysteresis.apply(HealthStatus.ERROR).status()).isEqualTo(HealthStatus.ERROR);
	}

}
