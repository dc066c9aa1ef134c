package dev.aisd.observability.tracing.internal;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The validated query parameters of {@code GET /observability/traces}: {@code limit}
 * (default {@value #DEFAULT_LIMIT}, {@code <= 0} gives nothing, capped at the capacity)
 * and the filters {@code trace_id}, {@code name}, {@code status} and
 * {@code min_duration_ms}.
 */
final class TracesQuery implements Predicate<SpanRecord> {

	/** Number of spans returned when no limit is given. */
	public static final int DEFAULT_LIMIT = 100;

	private final int limit;

	private final String traceId;

	private final String name;

	private final String status;

	private final long minDurationNanos;

	private TracesQuery(int limit, String traceId, String name, String status, long minDurationNanos) {
		this.limit = limit;
		this.traceId = traceId;
		this.name = name;
		this.status = status;
		this.minDurationNanos = minDurationNanos;
	}

	/**
	 * Parse and validate the parameters.
	 * @param parameters the first value of each query parameter by name, {@code null} when
	 * absent
	 * @return the query
	 * @throws InvalidParameterException when a parameter is invalid
	 */
	public static TracesQuery parse(Function<String, String> parameters) {
		int limit = parseLimit(parameters.apply("limit"));
		String traceId = parseTraceId(parameters.apply("trace_id"));
		String name = parameters.apply("name");
		String status = parseStatus(parameters.apply("status"));
		long minDurationNanos = parseMinDuration(parameters.apply("min_duration_ms"));
		return new TracesQuery(limit, traceId, name, status, minDurationNanos);
	}

	private static int parseLimit(String value) {
		if (value == null) {
			return DEFAULT_LIMIT;
		}
		String text = value.trim();
		int start = (text.startsWith("-") || text.startsWith("+")) ? 1 : 0;
		if (text.length() == start || text.length() > 1000) {
			throw new InvalidParameterException("limit", "limit must be an integer");
		}
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new InvalidParameterException("limit", "limit must be an integer");
			}
		}
		try {
			long parsed = Long.parseLong(text);
			return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
		}
		catch (NumberFormatException ex) {
			// More digits than a long: an integer all the same, and a huge one.
			return text.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
		}
	}

	private static String parseTraceId(String value) {
		if (value == null) {
			return null;
		}
		String text = value.trim().toLowerCase(Locale.ROOT);
		if (text.length() != 32) {
			throw new InvalidParameterException("trace_id", "trace_id must be 32 hexadecimal characters");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				throw new InvalidParameterException("trace_id", "trace_id must be 32 hexadecimal characters");
			}
		}
		return text;
	}

	private static String parseStatus(String value) {
		if (value == null) {
			return null;
		}
		String text = value.trim().toLowerCase(Locale.ROOT);
		if (!SpanRecord.STATUS_OK.equals(text) && !SpanRecord.STATUS_ERROR.equals(text)) {
			throw new InvalidParameterException("status", "status must be 'ok' or 'error'");
		}
		return text;
	}

	private static long parseMinDuration(String value) {
		if (value == null) {
			return 0;
		}
		double millis;
		try {
			millis = Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			millis = Double.NaN;
		}
		if (Double.isNaN(millis) || millis < 0 || Double.isInfinite(millis)) {
			throw new InvalidParameterException("min_duration_ms", "min_duration_ms must be a non-negative number");
		}
		return (long) Math.min(Long.MAX_VALUE, millis * 1_000_000.0);
	}

	/**
	 * Return how many spans were asked for, before capping at the capacity.
	 * @return the limit
	 */
	public int limit() {
		return this.limit;
	}

	@Override
	public boolean test(SpanRecord span) {
		return (this.traceId == null || this.traceId.equals(span.traceId()))
				&& (this.name == null || this.name.equals(span.name()))
				&& (this.status == null || this.status.equals(span.status()))
				&& span.durationNanos() >= this.minDurationNanos;
	}

	/**
	 * A query parameter that is not valid.
	 */
	public static final class InvalidParameterException extends IllegalArgumentException {

		private final String parameter;

		InvalidParameterException(String parameter, String message) {
			super(message);
			this.parameter = parameter;
		}

		/**
		 * Return the name of the invalid parameter.
		 * @return the parameter name
		 */
		public String parameter() {
			return this.parameter;
		}

	}

}
