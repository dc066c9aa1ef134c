package dev.aisd.observability.tracing.internal;

import java.util.Arrays;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Turns OpenTelemetry {@link SpanData} into a bounded {@link SpanRecord}: secrets
 * redacted, long values truncated, the number of attributes capped, and the span says so
 * with {@value #TRUNCATED_ATTRIBUTE} and {@value #DROPPED_ATTRIBUTE}. Server spans keep
 * only the OpenTelemetry HTTP semantic-convention attributes, not Spring's
 * low-cardinality duplicates ({@code method}, {@code status}, {@code outcome},
 * {@code uri}, {@code exception}).
 */
public final class SpanRecordFactory {

	/** Attribute set to {@code true} when values were truncated or attributes dropped. */
	public static final String TRUNCATED_ATTRIBUTE = "observability.attributes.truncated";

	/** Attribute giving how many attributes were dropped. */
	public static final String DROPPED_ATTRIBUTE = "observability.attributes.dropped";

	/** Attribute whose string value is turned into an integer when it is one. */
	static final String STATUS_CODE_ATTRIBUTE = "http.response.status_code";

	/** Suffix of a truncated value. */
	static final char ELLIPSIS = '\u2026';

	/** The boxed status codes 100 to 599. */
	private static final Long[] STATUS_CODES = statusCodes();

	private final String service;

	private final int maxAttributes;

	private final int maxValueLength;

	/**
	 * Create a factory.
	 * @param service the service name recorded in every span
	 * @param maxAttributes how many attributes a span keeps at most
	 * @param maxValueLength how many characters a value (and the name) keeps at most
	 */
	public SpanRecordFactory(String service, int maxAttributes, int maxValueLength) {
		if (maxAttributes < 0) {
			throw new IllegalArgumentException("Maximum number of attributes must not be negative");
		}
		if (maxValueLength < 1) {
			throw new IllegalArgumentException("Maximum attribute value length must be at least 1");
		}
		this.service = service;
		this.maxAttributes = maxAttributes;
		this.maxValueLength = maxValueLength;
	}

	/**
	 * Convert a finished span.
	 * @param span the span
	 * @return the record
	 */
	public SpanRecord create(SpanData span) {
		SpanContext parent = span.getParentSpanContext();
		String parentSpanId = (parent != null && parent.isValid()) ? parent.getSpanId() : null;
		String status = (span.getStatus().getStatusCode() == StatusCode.ERROR) ? SpanRecord.STATUS_ERROR
				: SpanRecord.STATUS_OK;
		long start = span.getStartEpochNanos();
		long duration = Math.max(0, span.getEndEpochNanos() - start);
		int droppedBySdk = Math.max(0, span.getTotalAttributeCount() - span.getAttributes().size());
		return new SpanRecord(span.getTraceId(), span.getSpanId(), parentSpanId, truncate(span.getName()),
				kind(span.getKind()), status, this.service, start, duration,
				attributes(span.getAttributes(), droppedBySdk, span.getKind() == io.opentelemetry.api.trace.SpanKind.SERVER));
	}

	private static String kind(io.opentelemetry.api.trace.SpanKind kind) {
		return switch (kind) {
			case SERVER -> "server";
			case CLIENT -> "client";
			case PRODUCER -> "producer";
			case CONSUMER -> "consumer";
			case INTERNAL -> "internal";
		};
	}

	private SpanAttributes attributes(Attributes source, int alreadyDropped, boolean server) {
		int total = source.size();
		if (total == 0 && alreadyDropped == 0) {
			return SpanAttributes.EMPTY;
		}
		int kept = Math.min(total, this.maxAttributes);
		// Sized for the common case, every attribute kept and nothing to report, so the
		// arrays become the record's without a copy; the markers grow them when needed.
		String[] keys = new String[kept];
		Object[] values = new Object[kept];
		Collector collector = new Collector(keys, values, kept, server);
		source.forEach(collector);
		int dropped = alreadyDropped + (total - collector.size - collector.omitted);
		int size = collector.size;
		if (collector.truncated || dropped > 0) {
			int markers = (dropped > 0) ? 2 : 1;
			keys = Arrays.copyOf(keys, size + markers);
			values = Arrays.copyOf(values, size + markers);
			keys[size] = TRUNCATED_ATTRIBUTE;
			values[size++] = Boolean.TRUE;
			if (dropped > 0) {
				keys[size] = DROPPED_ATTRIBUTE;
				values[size++] = (long) dropped;
			}
		}
		return SpanAttributes.of(keys, values, size);
	}

	String truncate(String value) {
		if (value == null) {
			return "";
		}
		if (value.length() <= this.maxValueLength) {
			return value;
		}
		int end = this.maxValueLength;
		// Never cut a surrogate pair in half: the JSON would carry a lone surrogate.
		if (Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end) + ELLIPSIS;
	}

	private final class Collector implements java.util.function.BiConsumer<AttributeKey<?>, Object> {

		private final String[] keys;

		private final Object[] values;

		private final int max;

		private final boolean server;

		private int size;

		private int omitted;

		private boolean truncated;

		Collector(String[] keys, Object[] values, int max, boolean server) {
			this.keys = keys;
			this.values = values;
			this.max = max;
			this.server = server;
		}

		@Override
		public void accept(AttributeKey<?> key, Object value) {
			String name = key.getKey();
			if (this.server && HttpServerSpans.MICROMETER_KEYS.contains(name)) {
				// Duplicates of the semantic-convention attributes, not a loss.
				this.omitted++;
				return;
			}
			if (this.size >= this.max) {
				return;
			}
			Object converted;
			if (SensitiveKeys.isSensitive(name)) {
				converted = SensitiveKeys.REDACTED;
			}
			else {
				converted = convert(name, value);
			}
			String keptName = truncate(name);
			if (keptName != name || (converted instanceof Truncated)) {
				this.truncated = true;
			}
			this.keys[this.size] = keptName;
			this.values[this.size++] = (converted instanceof Truncated t) ? t.value : converted;
		}

		private Object convert(String name, Object value) {
			if (value instanceof String string) {
				if (SensitiveKeys.isUrl(name)) {
					return bounded(SensitiveKeys.redactUrl(string));
				}
				if (STATUS_CODE_ATTRIBUTE.equals(name)) {
					Long code = statusCode(string);
					if (code != null) {
						return code;
					}
				}
				return bounded(string);
			}
			if (value instanceof Long || value instanceof Boolean) {
				return value;
			}
			if (value instanceof Double number) {
				return number;
			}
			if (value instanceof List<?> list) {
				return bounded(list.toString());
			}
			return bounded(String.valueOf(value));
		}

		private Object bounded(String value) {
			String kept = truncate(value);
			return (kept != value) ? new Truncated(kept) : value;
		}

	}

	private static Long statusCode(String value) {
		if (value.length() != 3) {
			return null;
		}
		int code = 0;
		for (int i = 0; i < 3; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			code = code * 10 + (c - '0');
		}
		// Boxed once: Long.valueOf caches only up to 127, every server span has a code.
		return (code >= 100 && code < 100 + STATUS_CODES.length) ? STATUS_CODES[code - 100] : (long) code;
	}

	private static Long[] statusCodes() {
		Long[] codes = new Long[500];
		for (int i = 0; i < codes.length; i++) {
			codes[i] = (long) (100 + i);
		}
		return codes;
	}

	private record Truncated(String value) {
	}

}
