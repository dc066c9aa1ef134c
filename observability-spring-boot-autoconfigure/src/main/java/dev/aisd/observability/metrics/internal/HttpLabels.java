package dev.aisd.observability.metrics.internal;

/**
 * Bounded, precomputed values of the {@code method} and {@code status_code} labels.
 */
public final class HttpLabels {

	/** Value for a method or status outside the known set. */
	public static final String OTHER = "OTHER";

	private static final String[] METHODS = { "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE",
			"CONNECT", OTHER };

	/** Number of distinct method indexes, {@link #OTHER} included. */
	public static final int METHOD_COUNT = METHODS.length;

	/** Index of {@link #OTHER} among the status indexes. */
	static final int OTHER_STATUS = 0;

	private static final int MIN_STATUS = 100;

	private static final int MAX_STATUS = 599;

	private static final String[] STATUSES = new String[MAX_STATUS + 1];

	static {
		STATUSES[OTHER_STATUS] = OTHER;
		for (int status = MIN_STATUS; status <= MAX_STATUS; status++) {
			STATUSES[status] = Integer.toString(status);
		}
	}

	private HttpLabels() {
	}

	/**
	 * Return the index of a method. Methods are case-sensitive (RFC 9110), so
	 * {@code get} is not {@code GET}.
	 * @param method the method as the client sent it, may be {@code null}
	 * @return the index, {@code METHOD_COUNT - 1} for anything non-standard
	 */
	public static int methodIndex(String method) {
		if (method == null) {
			return METHOD_COUNT - 1;
		}
		return switch (method) {
			case "GET" -> 0;
			case "HEAD" -> 1;
			case "POST" -> 2;
			case "PUT" -> 3;
			case "DELETE" -> 4;
			case "PATCH" -> 5;
			case "OPTIONS" -> 6;
			case "TRACE" -> 7;
			case "CONNECT" -> 8;
			default -> METHOD_COUNT - 1;
		};
	}

	/**
	 * Return the label value of a method index.
	 * @param index a value of {@link #methodIndex(String)}
	 * @return the label value
	 */
	public static String method(int index) {
		return METHODS[index];
	}

	/**
	 * Return the index of a status code: the code itself when between 100 and 599,
	 * otherwise {@link #OTHER_STATUS}.
	 * @param status the status code
	 * @return the index
	 */
	public static int statusIndex(int status) {
		return (status >= MIN_STATUS && status <= MAX_STATUS) ? status : OTHER_STATUS;
	}

	/**
	 * Return the label value of a status index.
	 * @param index a value of {@link #statusIndex(int)}
	 * @return the label value
	 */
	public static String status(int index) {
		return STATUSES[index];
	}

}
