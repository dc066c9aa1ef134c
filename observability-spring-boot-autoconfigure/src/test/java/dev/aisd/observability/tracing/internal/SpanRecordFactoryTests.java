package dev.aisd.observability.tracing.internal;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpanRecordFactory}.
 */
class SpanRecordFactoryTests {

	private final InMemorySpanExporter spans = InMemorySpanExporter.create();

	private final SdkTracerProvider provider = SdkTracerProvider.builder()
		.setSpanLimits(SpanLimits.builder().setMaxNumberOfAttributes(64).build())
		.addSpanProcessor(SimpleSpanProcessor.create(this.spans))
		.build();

	private final SpanRecordFactory factory = new SpanRecordFactory("svc", 8, 16);

	@AfterEach
	void close() {
		this.provider.close();
	}

	@Test
	void createWhenRootSpanThenFieldsConverted() {
		SpanRecord record = this.factory.create(end("op", Attributes.of(AttributeKey.stringKey("a"), "b")));
		assertThat(record.parentSpanId()).isNull();
		assertThat(record.name()).isEqualTo("op");
		assertThat(record.kind()).isEqualTo("server");
		assertThat(record.status()).isEqualTo("ok");
		assertThat(record.service()).isEqualTo("svc");
		assertThat(record.traceId()).hasSize(32);
		assertThat(record.spanId()).hasSize(16);
		assertThat(record.startEpochNanos()).isPositive();
		assertThat(record.durationNanos()).isNotNegative();
		assertThat(record.attributes().asMap()).containsExactly(java.util.Map.entry("a", "b"));
	}

	@Test
	void createWhenChildAndErrorThenParentAndErrorStatus() {
		Span parent = this.provider.get("test").spanBuilder("parent").startSpan();
		Span child = this.provider.get("test")
			.spanBuilder("child")
			.setParent(io.opentelemetry.context.Context.root().with(parent))
			.startSpan();
		child.setStatus(StatusCode.ERROR);
		child.end();
		parent.end();
		SpanRecord record = this.factory.create(this.spans.getFinishedSpanItems().get(0));
		assertThat(record.parentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
		assertThat(record.status()).isEqualTo("error");
		assertThat(record.kind()).isEqualTo("internal");
	}

	@Test
	void createWhenSensitiveKeysThenRedacted() {
		Attributes attributes = Attributes.builder()
			.put("Authorization", "Bearer x")
			.put("http.request.header.cookie", "a=b")
			.put("Set-Cookie", "s=1")
			.put("user.PASSWORD", "p")
			.put("db.passwd", "p")
			.put("client_secret", "s")
			.put("access_token", "t")
			.put("ok", "visible")
			.put("http.url", "http://127.0.0.1:8080/items?id=1&token=abc")
			.build();
		SpanRecord record = new SpanRecordFactory("svc", 32, 256).create(end("op", attributes));
		assertThat(record.attributes().asMap()).containsEntry("Authorization", "[REDACTED]")
			.containsEntry("http.request.header.cookie", "[REDACTED]")
			.containsEntry("Set-Cookie", "[REDACTED]")
			.containsEntry("user.PASSWORD", "[REDACTED]")
			.containsEntry("db.passwd", "[REDACTED]")
			.containsEntry("client_secret", "[REDACTED]")
			.containsEntry("access_token", "[REDACTED]")
			.containsEntry("ok", "visible")
			.containsEntry("http.url", "http://127.0.0.1:8080/items?id=1&token=[REDACTED]")
			.doesNotContainKey("observability.attributes.truncated");
	}

	@Test
	void createWhenLongValuesThenTruncatedAndSpanSaysSo() {
		SpanRecord record = this.factory.create(end("a-very-long-span-name-indeed",
				Attributes.of(AttributeKey.stringKey("long"), "0123456789abcdefXYZ")));
		assertThat(record.name()).isEqualTo("a-very-long-span\u2026");
		assertThat(record.attributes().get("long")).isEqualTo("0123456789abcdef\u2026");
		assertThat(record.attributes().get("observability.attributes.truncated")).isEqualTo(true);
		assertThat(record.attributes().get("observability.attributes.dropped")).isNull();
	}

	@Test
	void createWhenValueEndsInSurrogatePairThenNotSplit() {
		String value = "0123456789abcde\uD83D\uDE00tail";
		SpanRecord record = this.factory.create(end("op", Attributes.of(AttributeKey.stringKey("emoji"), value)));
		assertThat((String) record.attributes().get("emoji")).isEqualTo("0123456789abcde\u2026");
	}

	@Test
	void createWhenTooManyAttributesThenCappedAndDroppedCounted() {
		AttributesBuilder builder = Attributes.builder();
		for (int i = 0; i < 20; i++) {
			builder.put("key" + i, i);
		}
		SpanRecord record = this.factory.create(end("op", builder.build()));
		assertThat(record.attributes().size()).isEqualTo(10);
		assertThat(record.attributes().get("observability.attributes.truncated")).isEqualTo(true);
		assertThat(record.attributes().get("observability.attributes.dropped")).isEqualTo(12L);
	}

	@Test
	void createWhenStatusCodeStringThenInteger() {
		Attributes attributes = Attributes.builder()
			.put("http.response.status_code", "503")
			.put("other", "503")
			.put("flag", true)
			.put("ratio", 0.5)
			.put("list", List.of("a", "b").toArray(new String[0]))
			.build();
		SpanRecord record = new SpanRecordFactory("svc", 32, 256).create(end("op", attributes));
		assertThat(record.attributes().get("http.response.status_code")).isEqualTo(503L);
		assertThat(record.attributes().get("other")).isEqualTo("503");
		assertThat(record.attributes().get("flag")).isEqualTo(true);
		assertThat(record.attributes().get("ratio")).isEqualTo(0.5);
		assertThat(record.attributes().get("list")).isEqualTo("[a, b]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "000", "099", "100", "200", "599", "600", "999" })
	void createWhenAnyThreeDigitStatusCodeThenSameInteger(String code) {
		SpanRecord record = new SpanRecordFactory("svc", 32, 256)
			.create(end("op", Attributes.of(AttributeKey.stringKey("http.response.status_code"), code)));
		assertThat(record.attributes().get("http.response.status_code")).isEqualTo(Long.parseLong(code));
	}

	@Test
	void createWhenAttributesFitThenExactlyThoseWithoutMarkers() {
		SpanRecord record = this.factory.create(end("op",
				Attributes.of(AttributeKey.stringKey("a"), "1", AttributeKey.stringKey("b"), "2")));
		assertThat(record.attributes().size()).isEqualTo(2);
		assertThat(record.attributes().asMap()).containsOnly(java.util.Map.entry("a", "1"),
				java.util.Map.entry("b", "2"));
	}

	@Test
	void createWhenAttributesExactlyAtCapThenNoMarker() {
		AttributesBuilder builder = Attributes.builder();
		for (int i = 0; i < 8; i++) {
			builder.put("key" + i, i);
		}
		SpanRecord record = this.factory.create(end("op", builder.build()));
		// Eight kept, exactly the cap, nothing dropped: no marker.
		assertThat(record.attributes().size()).isEqualTo(8);
		assertThat(record.attributes().get("observability.attributes.truncated")).isNull();
	}

	@Test
	void createWhenStatusCodeNotNumericThenKeptAsString() {
		SpanRecord record = new SpanRecordFactory("svc", 32, 256)
			.create(end("op", Attributes.of(AttributeKey.stringKey("http.response.status_code"), "UNKNOWN")));
		assertThat(record.attributes().get("http.response.status_code")).isEqualTo("UNKNOWN");
	}

	private SpanData end(String name, Attributes attributes) {
		this.provider.get("test").spanBuilder(name).setSpanKind(SpanKind.SERVER).setAllAttributes(attributes)
			.startSpan().end();
		List<SpanData> finished = this.spans.getFinishedSpanItems();
		return finished.get(finished.size() - 1);
	}

}
