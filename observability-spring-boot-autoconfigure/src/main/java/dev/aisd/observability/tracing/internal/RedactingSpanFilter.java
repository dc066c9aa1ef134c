package dev.aisd.observability.tracing.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;

/**
 * Redacts sensitive attributes of spans, and secrets in URL attributes, before they are
 * exported (Spring Boot applies every {@link SpanFilter} bean to exported spans), and
 * leaves Spring's low-cardinality duplicates of the semantic-convention attributes out of
 * server spans, as the ring buffer does.
 */
public final class RedactingSpanFilter implements SpanFilter {

	@Override
	public FinishedSpan map(FinishedSpan span) {
		Map<String, String> tags = span.getTags();
		boolean server = span.getKind() == Span.Kind.SERVER;
		boolean sensitive = false;
		for (Map.Entry<String, String> tag : tags.entrySet()) {
			if (SensitiveKeys.isSensitive(tag.getKey())
					|| (SensitiveKeys.isUrl(tag.getKey()) && SensitiveKeys.redactUrl(tag.getValue()) != tag.getValue())
					|| (server && HttpServerSpans.MICROMETER_KEYS.contains(tag.getKey()))) {
				sensitive = true;
				break;
			}
		}
		if (!sensitive) {
			return span;
		}
		Map<String, String> redacted = new LinkedHashMap<>(tags);
		if (server) {
			redacted.keySet().removeAll(HttpServerSpans.MICROMETER_KEYS);
		}
		redacted.replaceAll((key, value) -> SensitiveKeys.isSensitive(key) ? SensitiveKeys.REDACTED
				: (SensitiveKeys.isUrl(key) ? SensitiveKeys.redactUrl(value) : value));
		return span.setTags(redacted);
	}

}
