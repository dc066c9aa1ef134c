package dev.aisd.observability.tracing.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpanJsonWriter.TraceUrl} and the {@code trace_url} field.
 */
class TraceUrlTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final SpanRecord SPAN = TestSpans.span("op");

	@Test
	void templateWhenPlaceholderInsideThenTraceIdReplacesIt() {
		assertThat(url("https://grafana.example/explore?left={\"queries\":[{\"query\":\"{trace_id}\"}]}&x=1"))
			.isEqualTo("https://grafana.example/explore?left={\"queries\":[{\"query\":\"" + SPAN.traceId()
					+ "\"}]}&x=1");
	}

	@Test
	void templateWhenNoPlaceholderThenTraceIdAppended() {
		assertThat(url(" http://zipkin:9411/zipkin/traces/ ")).isEqualTo("http://zipkin:9411/zipkin/traces/" + SPAN.traceId());
	}

	@Test
	void templateWhenBlankOrNullThenNoLink() {
		assertThat(SpanJsonWriter.TraceUrl.of(null)).isNull();
		assertThat(SpanJsonWriter.TraceUrl.of("  ")).isNull();
		assertThat(new String(SpanJsonWriter.traces(List.of(SPAN), null), StandardCharsets.UTF_8))
			.doesNotContain("trace_url");
	}

	@Test
	void spanWhenLinkedThenFieldAfterAttributesAndDocumentValid() {
		JsonNode span = json.readTree(SpanJsonWriter.traces(List.of(SPAN),
				SpanJsonWriter.TraceUrl.of("http://zipkin:9411/zipkin/traces/{trace_id}")))
			.get("traces")
			.get(0);
		assertThat(span.get("attributes").get("k").asString()).isEqualTo("op");
		assertThat(span.get("trace_url").asString()).isEqualTo("http://zipkin:9411/zipkin/traces/" + SPAN.traceId());
	}

	private static String url(String template) {
		JsonNode document = json.readTree(SpanJsonWriter.traces(List.of(SPAN), SpanJsonWriter.TraceUrl.of(template)));
		return document.get("traces").get(0).get("trace_url").asString();
	}

}
