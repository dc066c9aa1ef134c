package dev.aisd.observability.tracing.internal;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
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
		List<SpanData> ended = new ArrayList<>();
		try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new SpanProcessor() {

			@Override
			public void onStart(Context parentContext, ReadWriteSpan span) {
			}

			@Override
			public boolean isStartRequired() {
				return false;
			}

			@Override
			public void onEnd(ReadableSpan span) {
				ended.add(span.toSpanData());
			}

			@Override
			public boolean isEndRequired() {
				return true;
			}

		}).build()) {
			provider.get("test").spanBuilder("op").setAllAttributes(attributes).startSpan().end();
		}
		return OtelFinishedSpan.fromOtel(ended.get(0));
	}

}
