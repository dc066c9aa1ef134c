package dev.aisd.observability.sample.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SqlInjectionDetectorTests {

	private final SqlInjectionDetector detector = new SqlInjectionDetector();

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "1 UNION SELECT username, password FROM users|sqli-union-select",
			"1 union all select 1|sqli-union-select", "x'; DROP TABLE items; --|sqli-stacked-query",
			"1 AND SLEEP(5)|sqli-time-based", "1; waitfor delay '0:0:5'|sqli-time-based",
			"' OR 1=1 --|sqli-tautology", "' OR 'a'='a|sqli-tautology",
			"x' UNION SELECT table_name FROM information_schema.tables|sqli-union-select",
			"select * from information_schema.columns|sqli-schema-probe", "admin'--|sqli-comment-terminator",
			"admin' /* comment|sqli-comment-terminator" })
	void detectWhenInjectionThenRule(String query, String ruleId) {
		assertThat(this.detector.detect(query)).isNotNull().extracting(SqlInjectionDetector.Rule::id).isEqualTo(ruleId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "lantern", "rope and compass", "o'brien", "union station map", "select tent",
			"sleep bag", "", "50% off; free shipping", "café" })
	void detectWhenOrdinaryQueryThenNothing(String query) {
		assertThat(this.detector.detect(query)).isNull();
	}

}
