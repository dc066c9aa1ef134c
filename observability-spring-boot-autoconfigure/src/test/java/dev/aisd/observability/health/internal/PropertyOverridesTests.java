package dev.aisd.observability.health.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.aisd.observability.health.HealthCheckOptions;
import dev.aisd.observability.health.HealthCheckOverrideProperties;
import dev.aisd.observability.health.HealthProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PropertyOverridesTests {

	private final HealthProperties properties = new HealthProperties();

	private final PropertyOverrides overrides = new PropertyOverrides(this.properties);

	@Test
	void applyWhenNoOverrideThenOptionsUnchanged() {
		HealthCheckOptions options = HealthCheckOptions.of("db").withTimeout(Duration.ofSeconds(1));
		assertThat(this.overrides.apply(options)).isSameAs(options);
	}

	@Test
	void applyWhenDisabledThenNull() {
		check("db").setEnabled(false);
		assertThat(this.overrides.apply(HealthCheckOptions.of("db"))).isNull();
	}

	@Test
	void applyWhenSomeValuesSetThenOnlyThoseChange() {
		check("db").setSuccessThreshold(4);
		check("db").setInterval(Duration.ofSeconds(30));
		HealthCheckOptions result = this.overrides
			.apply(HealthCheckOptions.of("db").withCritical(false).withThresholds(2, 1));
		assertThat(result.isCritical()).isFalse();
		assertThat(result.getFailureThreshold()).isEqualTo(2);
		assertThat(result.getSuccessThreshold()).isEqualTo(4);
		assertThat(result.getInterval()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void applyWhenZeroIntervalThenOnDemand() {
		check("db").setInterval(Duration.ZERO);
		assertThat(this.overrides.apply(HealthCheckOptions.of("db").withInterval(Duration.ofSeconds(5))).getInterval())
			.isNull();
	}

	@Test
	void applyWhenInvalidThresholdThenFailsNamingCheck() {
		check("db").setFailureThreshold(0);
		assertThatIllegalArgumentException().isThrownBy(() -> this.overrides.apply(HealthCheckOptions.of("db")))
			.withMessageContaining("'db'");
	}

	private HealthCheckOverrideProperties check(String name) {
		return this.properties.getChecks().computeIfAbsent(name, (key) -> new HealthCheckOverrideProperties());
	}

}
