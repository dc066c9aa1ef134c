package dev.aisd.observability.tracing.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;

/**
 * Redacts sensitive attributes of spans before they are exported (Spring Boot applies
 * every {@link SpanFilter} bean to exported spans).
 */
public final class RedactingSpanFilter implements SpanFilter {

	@Override
	public FinishedSpan map(FinishedSpan span) {
		Map<String, String> tags = span.getTags();
		boolean sensitive = false;
		for (String key : tags.keySet()) {
			if (SensitiveKeys.isSensitive(key)) {
				sensitive = true;
				break;
			}
		}
		if (!sensitive) {
			return span;
		}
		Map<String, String> redacted = new LinkedHashMap<>(tags);
		redacted.replaceAll((key, value) -> SensitiveKeys.isSensitive(key) ? SensitiveKeys.REDACTED : value);
		return span.setTags(redacted);
	}

}
