package dev.aisd.observability.tracing.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TracesQuery}.
 */
class TracesQueryTests {

	@Test
	void parseWhenNoParametersThenDefaultLimitAndMatchesAll() {
		TracesQuery query = parse(Map.of());
		assertThat(query.limit()).isEqualTo(100);
		assertThat(query.test(TestSpans.span("any"))).isTrue();
	}

	@Test
	void parseWhenLimitIntegerThenKept() {
		assertThat(parse(Map.of("limit", "5")).limit()).isEqualTo(5);
		assertThat(parse(Map.of("limit", " 7 ")).limit()).isEqualTo(7);
		assertThat(parse(Map.of("limit", "0")).limit()).isZero();
		assertThat(parse(Map.of("limit", "-3")).limit()).isEqualTo(-3);
		assertThat(parse(Map.of("limit", "+3")).limit()).isEqualTo(3);
		assertThat(parse(Map.of("limit", "99999999999999999999999")).limit()).isEqualTo(Integer.MAX_VALUE);
		assertThat(parse(Map.of("limit", "-99999999999999999999999")).limit()).isEqualTo(Integer.MIN_VALUE);
	}

	@Test
	void parseWhenLimitNotIntegerThenInvalid() {
		for (String value : new String[] { "abc", "", " ", "1.5", "1e3", "0x10", "-", "12abc", "\u0661" }) {
			assertThatExceptionOfType(TracesQuery.InvalidParameterException.class)
				.isThrownBy(() -> parse(Map.of("limit", value)))
				.as(value)
				.withMessage("limit must be an integer")
				.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("limit"));
		}
	}

	@Test
	void parseWhenTraceIdThenNormalizedAndValidated() {
		TracesQuery query = parse(Map.of("trace_id", "0AF7651916CD43DD8448EB211C80319C"));
		assertThat(query.test(TestSpans.span("0af7651916cd43dd8448eb211c80319c", "1", "n", "ok", 1))).isTrue();
		assertThat(query.test(TestSpans.span("1af7651916cd43dd8448eb211c80319c", "1", "n", "ok", 1))).isFalse();
		assertThatExceptionOfType(TracesQuery.InvalidParameterException.class)
			.isThrownBy(() -> parse(Map.of("trace_id", "xyz")))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("trace_id"));
		assertThatExceptionOfType(TracesQuery.InvalidParameterException.class)
			.isThrownBy(() -> parse(Map.of("trace_id", "0af7651916cd43dd8448eb211c80319g")));
	}

	@Test
	void parseWhenNameThenExactMatch() {
		TracesQuery query = parse(Map.of("name", "http GET /items/{id}"));
		assertThat(query.test(TestSpans.span("http GET /items/{id}"))).isTrue();
		assertThat(query.test(TestSpans.span("http GET /items"))).isFalse();
	}

	@Test
	void parseWhenStatusThenMatchesStatus() {
		TracesQuery errors = parse(Map.of("status", "ERROR"));
		assertThat(errors.test(TestSpans.span("t", "s", "n", "error", 1))).isTrue();
		assertThat(errors.test(TestSpans.span("t", "s", "n", "ok", 1))).isFalse();
		assertThatExceptionOfType(TracesQuery.InvalidParameterException.class)
			.isThrownBy(() -> parse(Map.of("status", "maybe")))
			.withMessage("status must be 'ok' or 'error'");
	}

	@Test
	void parseWhenMinDurationThenFiltersShorterSpans() {
		TracesQuery query = parse(Map.of("min_duration_ms", "1.5"));
		assertThat(query.test(TestSpans.span("t", "s", "n", "ok", 1_500_000))).isTrue();
		assertThat(query.test(TestSpans.span("t", "s", "n", "ok", 1_499_999))).isFalse();
		for (String value : new String[] { "-1", "fast", "NaN", "Infinity", "" }) {
			assertThatExceptionOfType(TracesQuery.InvalidParameterException.class)
				.isThrownBy(() -> parse(Map.of("min_duration_ms", value)))
				.as(value)
				.withMessage("min_duration_ms must be a non-negative number");
		}
	}

	private static TracesQuery parse(Map<String, String> parameters) {
		return TracesQuery.parse(parameters::get);
	}

}
