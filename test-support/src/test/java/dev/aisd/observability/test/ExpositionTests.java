package dev.aisd.observability.test;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Exposition}.
 */
class ExpositionTests {

	private static final String TEXT = """
			# HELP http_requests_total Requests.
			# TYPE http_requests_total counter
			http_requests_total{method="GET",endpoint="/items/{id}",status_code="200"} 3.0
			http_requests_total{method="GET",endpoint="/items/{id}",status_code="500"} 1.0
			http_requests_total{method="POST",endpoint="quote\\"back\\\\slash\\nline",status_code="200"} 2.0
			# TYPE d_seconds histogram
			d_seconds_bucket{le="0.1"} 1 # {trace_id="abc",span_id="def"} 0.05 1700000000.000
			d_seconds_bucket{le="+Inf"} 2
			up 1
			nan_gauge NaN
			""";

	@Test
	void parseWhenTextThenTypesSamplesAndEscapes() {
		Exposition exposition = Exposition.parse(TEXT);
		assertThat(exposition.types()).containsEntry("http_requests_total", "counter")
			.containsEntry("d_seconds", "histogram");
		assertThat(exposition.names()).containsExactly("d_seconds_bucket", "http_requests_total", "nan_gauge", "up");
		assertThat(exposition.samples("http_requests_total").get(2).labels()).containsEntry("endpoint",
				"quote\"back\\slash\nline");
		assertThat(exposition.samples("nan_gauge").get(0).value()).isNaN();
	}

	@Test
	void valueWhenLabelSubsetThenSumOfMatchingSeries() {
		Exposition exposition = Exposition.parse(TEXT);
		assertThat(exposition.value("http_requests_total", "method", "GET")).isEqualTo(4.0);
		assertThat(exposition.value("http_requests_total")).isEqualTo(6.0);
		assertThat(exposition.value("http_requests_total", "method", "PUT")).isZero();
		assertThat(exposition.value("up")).isEqualTo(1.0);
		assertThat(exposition.has("d_seconds_bucket", "le", "+Inf")).isTrue();
		assertThat(exposition.has("d_seconds_bucket", "le", "1")).isFalse();
	}

	@Test
	void exactValueWhenLabelSetThenOnlyThatSeries() {
		Exposition exposition = Exposition.parse(TEXT);
		assertThat(exposition.exactValue("d_seconds_bucket", Map.of("le", "0.1"))).isEqualTo(1.0);
		assertThat(exposition.exactValue("http_requests_total", Map.of("method", "GET"))).isNull();
		assertThat(exposition.series().get("d_seconds_bucket")).hasSize(2);
		assertThat(exposition.labelNames().get("http_requests_total"))
			.containsExactly(Set.of("method", "endpoint", "status_code"));
	}

	@Test
	void parseWhenMalformedThenFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> Exposition.parse("bad-name 1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Exposition.parse("x{a=1} 1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Exposition.parse("lonely"));
	}

	@Test
	void valueWhenOddLabelsThenFails() {
		assertThatIllegalArgumentException().isThrownBy(() -> Exposition.parse(TEXT).value("up", "job"));
	}

}
