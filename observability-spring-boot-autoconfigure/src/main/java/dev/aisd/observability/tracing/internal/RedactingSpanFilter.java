package dev.aisd.observability.tracing.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;

/**
 * Redacts sensitive attributes of spans, and secrets in URL attributes, before they are
 * exported (Spring Boot applies
 * every {@link SpanFilter} bean to exported spans).
 */
public final class RedactingSpanFilter implements SpanFilter {

	@Override
	public FinishedSpan map(FinishedSpan span) {
		Map<String, String> tags = span.getTags();
		boolean sensitive = false;
		for (Map.Entry<String, String> tag : tags.entrySet()) {
			if (SensitiveKeys.isSensitive(tag.getKey()) || (SensitiveKeys.isUrl(tag.getKey())
					&& SensitiveKeys.redactUrl(tag.getValue()) != tag.getValue())) {
				sensitive = true;
				break;
			}
		}
		if (!sensitive) {
			return span;
		}
		Map<String, String> redacted = new LinkedHashMap<>(tags);
		redacted.replaceAll((key, value) -> SensitiveKeys.isSensitive(key) ? SensitiveKeys.REDACTED
				: (SensitiveKeys.isUrl(key) ? SensitiveKeys.redactUrl(value) : value));
		return span.setTags(redacted);
	}

}
