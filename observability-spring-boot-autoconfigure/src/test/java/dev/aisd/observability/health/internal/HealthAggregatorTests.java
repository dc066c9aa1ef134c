package dev.aisd.observability.health.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.aisd.observability.health.HealthStatus;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAggregatorTests {

	@Test
	void aggregateWhenNoChecksThenOk() {
		assertThat(HealthAggregator.aggregate(List.of())).isEqualTo(HealthStatus.OK);
	}

	@Test
	void aggregateWhenAllOkThenOk() {
		assertThat(HealthAggregator.aggregate(List.of(check(HealthStatus.OK, true), check(HealthStatus.OK, false))))
			.isEqualTo(HealthStatus.OK);
	}

	@Test
	void aggregateWhenCriticalErrorThenError() {
		assertThat(HealthAggregator.aggregate(List.of(check(HealthStatus.OK, false), check(HealthStatus.ERROR, true))))
			.isEqualTo(HealthStatus.ERROR);
	}

	@Test
	void aggregateWhenNonCriticalErrorThenDegraded() {
		assertThat(HealthAggregator.aggregate(List.of(check(HealthStatus.OK, true), check(HealthStatus.ERROR, false))))
			.isEqualTo(HealthStatus.DEGRADED);
	}

	@Test
	void aggregateWhenCriticalDegradedThenDegraded() {
		assertThat(HealthAggregator.aggregate(List.of(check(HealthStatus.DEGRADED, true))))
			.isEqualTo(HealthStatus.DEGRADED);
	}

	@Test
	void aggregateWhenCriticalErrorAfterNonCriticalErrorThenError() {
		assertThat(HealthAggregator
			.aggregate(List.of(check(HealthStatus.ERROR, false), check(HealthStatus.DEGRADED, true),
					check(HealthStatus.ERROR, true))))
			.isEqualTo(HealthStatus.ERROR);
	}

	@Test
	void readyWhenOnlyNonCriticalErrorsThenTrue() {
		assertThat(HealthAggregator.ready(List.of(check(HealthStatus.ERROR, false)))).isTrue();
		assertThat(HealthAggregator.ready(List.of(check(HealthStatus.ERROR, true)))).isFalse();
	}

	@Test
	void httpStatusWhenStatusThenSeedMapping() {
		assertThat(HealthAggregator.httpStatus(HealthStatus.OK, 299)).isEqualTo(200);
		assertThat(HealthAggregator.httpStatus(HealthStatus.DEGRADED, 200)).isEqualTo(200);
		assertThat(HealthAggregator.httpStatus(HealthStatus.DEGRADED, 207)).isEqualTo(207);
		assertThat(HealthAggregator.httpStatus(HealthStatus.ERROR, 200)).isEqualTo(503);
	}

	private static CheckReport check(HealthStatus status, boolean critical) {
		return new CheckReport("c", status, critical, 1, Map.of(), null, null, null);
	}

}
