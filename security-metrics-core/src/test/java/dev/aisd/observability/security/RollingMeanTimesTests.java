package dev.aisd.observability.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rolling mean times, driven through the collector with a fake clock.
 */
class RollingMeanTimesTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SecurityMetricsCollector collector = new SecurityMetricsCollector(this.registry,
			SecurityMetricsOptions.defaults()
				.withClock(this.clock)
				.withRollingWindowSize(3)
				.withRollingWindowDuration(Duration.ofMinutes(10)));

	private double mean(String name, String incidentType) {
		return this.registry.get(name).tag("incident_type", incidentType).gauge().value();
	}

	private double mttd(String incidentType) {
		return mean("security.mean.time.to.detect.seconds", incidentType);
	}

	@Test
	void meanWhenIncidentsRecordedThenMeanOfEachTime() {
		this.collector.recordIncident("intrusion", 10.0, 100.0, 1000.0);
		this.collector.recordIncident("intrusion", 30.0, 300.0, null);
		assertThat(mttd("intrusion")).isEqualTo(20);
		assertThat(mean("security.mean.time.to.respond.seconds", "intrusion")).isEqualTo(200);
		assertThat(mean("security.mean.time.to.remediate.seconds", "intrusion")).isEqualTo(1000);
	}

	@Test
	void meanWhenMoreIncidentsThanCapacityThenOnlyNewestCount() {
		for (double seconds : new double[] { 100, 1, 2, 3 }) {
			this.collector.recordIncident("bot", seconds, null, null);
		}
		assertThat(mttd("bot")).isEqualTo(2);
		this.collector.recordIncident("bot", 6.0, null, null);
		assertThat(mttd("bot")).isCloseTo(11.0 / 3, within(1e-12));
	}

	@Test
	void meanWhenIncidentsAgeOutThenDropWithoutNewIncident() {
		this.collector.recordIncident("bot", 10.0, null, null);
		this.clock.add(6, TimeUnit.MINUTES);
		this.collector.recordIncident("bot", 20.0, null, null);
		assertThat(mttd("bot")).isEqualTo(15);
		this.clock.add(Duration.ofMinutes(4).plusNanos(1));
		assertThat(mttd("bot")).isEqualTo(20);
		this.clock.add(6, TimeUnit.MINUTES);
		assertThat(mttd("bot")).isNaN();
		assertThat(this.collector.currentKpis().mttdSeconds()).isNull();
	}

	@Test
	void meanWhenExactlyAtMaxAgeThenStillCounts() {
		this.collector.recordIncident("bot", 10.0, null, null);
		this.clock.add(Duration.ofMinutes(10));
		assertThat(mttd("bot")).isEqualTo(10);
	}

	@Test
	void meanWhenIncidentTypesDifferThenSeparateWindows() {
		this.collector.recordIncident("bot", 10.0, null, null);
		this.collector.recordIncident("ddos", 50.0, null, null);
		assertThat(mttd("bot")).isEqualTo(10);
		assertThat(mttd("ddos")).isEqualTo(50);
		assertThat(this.collector.currentKpis().mttdSeconds()).isEqualTo(30);
	}

	@Test
	void meanWhenSetDirectlyThenWinsUntilNextIncidentSuppliesTheTime() {
		this.collector.recordIncident("bot", 10.0, 100.0, null);
		this.collector.updateMeanTimes("bot", 99.0, null, null);
		assertThat(mttd("bot")).isEqualTo(99);
		assertThat(mean("security.mean.time.to.respond.seconds", "bot")).isEqualTo(100);
		this.collector.recordIncident("bot", null, 200.0, null);
		assertThat(mttd("bot")).isEqualTo(99);
		this.collector.recordIncident("bot", 20.0, null, null);
		assertThat(mttd("bot")).isEqualTo(15);
	}

	@Test
	void recordIncidentWhenTimeInvalidThenOnlyThatTimeDropped() {
		this.collector.recordIncident("bot", -1.0, 100.0, Double.NaN);
		assertThat(mttd("bot")).isNaN();
		assertThat(mean("security.mean.time.to.respond.seconds", "bot")).isEqualTo(100);
		assertThat(this.registry.get("security.metrics.rejected.inputs").tag("reason", "invalid_duration")
			.counter().count()).isEqualTo(2);
	}

	@Test
	void recordIncidentWhenIncidentTypesExceedBoundThenFoldIntoOther() {
		SecurityMetricsCollector bounded = new SecurityMetricsCollector(this.registry,
				SecurityMetricsOptions.defaults().withClock(this.clock).withMaxLabelValues(2));
		for (int i = 0; i < 1000; i++) {
			bounded.recordIncident("type-" + i, (double) i, null, null);
		}
		assertThat(this.registry.find("security.mean.time.to.detect.seconds").gauges()).hasSize(3);
		// The folded window keeps its newest 100 incidents (the default size): 900..999.
		assertThat(mttd("other")).isEqualTo(949.5);
		assertThat(mttd("type-0")).isZero();
	}

}
