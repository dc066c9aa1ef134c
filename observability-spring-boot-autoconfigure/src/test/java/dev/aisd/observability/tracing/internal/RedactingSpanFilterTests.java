package dev.aisd.observability.tracing.internal;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedactingSpanFilter}.
 */
class RedactingSpanFilterTests {

	private final RedactingSpanFilter filter = new RedactingSpanFilter();

	@Test
	void mapWhenSensitiveTagsThenRedactedForExport() {
		FinishedSpan span = finished(Attributes.builder()
			.put("Authorization", "Bearer abc")
			.put("Cookie", "session=1")
			.put("db.password", "hunter2")
			.put("http.url", "http://h/x?token=t&id=1")
			.put("visible", "yes")
			.build());
		FinishedSpan mapped = this.filter.map(span);
		assertThat(mapped.getTags()).containsEntry("Authorization", "[REDACTED]")
			.containsEntry("Cookie", "[REDACTED]")
			.containsEntry("db.password", "[REDACTED]")
			.containsEntry("http.url", "http://h/x?token=[REDACTED]&id=1")
			.containsEntry("visible", "yes");
	}

	@Test
	void mapWhenNothingSensitiveThenUnchanged() {
		FinishedSpan span = finished(Attributes.builder().put("url.path", "/items/{id}").build());
		assertThat(this.filter.map(span).getTags()).containsExactlyEntriesOf(span.getTags());
	}

	private static FinishedSpan finished(Attributes attributes) {
		InMemorySpanExporter exporter = InMemorySpanExporter.create();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(exporter))
			.build()) {
			provider.get("test").spanBuilder("op").setAllAttributes(attributes).startSpan().end();
			return OtelFinishedSpan.fromOtel(exporter.getFinishedSpanItems().get(0));
		}
	}

}
