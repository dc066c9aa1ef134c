package dev.aisd.observability.security.autoconfigure.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ScorecardJsonTests {

	@Test
	void stringWhenHostileCharactersThenEscapedAndParsesBack() {
		String hostile = "a\"b\\c\nd\u0000e\u2028f\u00e9</script>";
		String json = ScorecardJson.string(hostile);
		assertThat(json).doesNotContain("\n").doesNotContain("\u2028");
		assertThat(JsonMapper.builder().build().readTree(json).asString()).isEqualTo(hostile);
	}

	@Test
	void numberWhenNullNanOrInfiniteThenNull() {
		assertThat(ScorecardJson.number(null)).isEqualTo("null");
		assertThat(ScorecardJson.number(Double.NaN)).isEqualTo("null");
		assertThat(ScorecardJson.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
	}

	@Test
	void numberWhenFiniteThenJsonNumber() {
		assertThat(ScorecardJson.number(85.0)).isEqualTo("85.0");
		assertThat(ScorecardJson.number(0.25)).isEqualTo("0.25");
		assertThat(ScorecardJson.number(42L)).isEqualTo("42");
		assertThat(JsonMapper.builder().build().readTree(ScorecardJson.number(1.0E-7)).asDouble()).isEqualTo(1.0E-7);
	}

}
