package dev.aisd.observability.monitoring.generate;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The SLO file parser accepts the documented shape and rejects, with the place of the
 * mistake, everything that would generate wrong rules.
 */
class SloFileTests {

	@Test
	void parseWhenBothObjectivesThenAvailabilityThenLatencyWithBudgets() {
		List<Slo> slos = SloFile.parse("""
				services:
				  - service: api
				    availability: {objective: 99.95}
				    latency: {objective: 99, threshold_seconds: 0.5}
				""");
		assertThat(slos).extracting(Slo::label).containsExactly("availability", "latency");
		assertThat(slos.get(0).objective()).isEqualByComparingTo("0.9995");
		assertThat(slos.get(0).errorBudget()).isEqualByComparingTo(new BigDecimal("0.0005"));
		assertThat(slos.get(0).errorBudget().toPlainString()).isEqualTo("0.0005");
		assertThat(slos.get(1).thresholdSeconds()).isEqualTo("0.5");
	}

	@Test
	void parseWhenThresholdIsWholeSecondsThenWritesItLikeTheBucketLabel() {
		List<Slo> slos = SloFile.parse("services: [{service: api, latency: {objective: 99, threshold_seconds: 1}}]");
		assertThat(slos).singleElement().satisfies((slo) -> assertThat(slo.thresholdSeconds()).isEqualTo("1.0"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			objective below 95          | services: [{service: api, availability: {objective: 90}}]                    | at least 95
			objective of 100            | services: [{service: api, availability: {objective: 100}}]                   | below 100
			objective as text           | services: [{service: api, availability: {objective: high}}]                  | must be a number
			too many decimals           | services: [{service: api, availability: {objective: 99.99999}}]              | more than 4 decimals
			latency without threshold   | services: [{service: api, latency: {objective: 99}}]                         | threshold_seconds must be a positive
			negative threshold          | services: [{service: api, latency: {objective: 99, threshold_seconds: -1}}]  | threshold_seconds must be a positive
			no objective at all         | services: [{service: api}]                                                   | neither an availability nor a latency
			quote in service            | 'services: [{service: "a\\"b", availability: {objective: 99}}]'              | services[0].service must be
			service listed twice        | services: [{service: a, availability: {objective: 99}}, {service: a, latency: {objective: 99, threshold_seconds: 1}}] | listed twice
			misspelt key                | services: [{service: api, availabilty: {objective: 99}}]                     | unknown key 'availabilty' in services[0]
			unknown objective key       | services: [{service: api, availability: {objective: 99, window: 7d}}]        | unknown key 'window'
			empty services              | 'services: []'                                                               | non-empty list
			not a mapping               | '- a'                                                                        | must be a mapping
			broken yaml                 | 'services: [{'                                                               | not valid YAML
			""")
	void parseWhenFileIsWrongThenSaysWhereAndWhy(String name, String yaml, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> SloFile.parse(yaml)).withMessageContaining(message);
	}

}
