package dev.aisd.observability.web.internal;

/**
 * The one rule for every value written from request data (the {@code Handled request}
 * line, span attributes, {@link dev.aisd.observability.web.CompletedRequest}): each is
 * bounded, and a path loses its path parameters ({@code ;jsessionid=...}, which carry
 * session ids) and anything after them in the segment. Header-derived values come in
 * already validated ({@code X-Request-ID}, see {@link RequestIds}) or from the server's
 * own forwarded-header handling (the client address). Not API: may change without
 * notice.
 */
public final class RequestFields {

	/** Longest method kept; longer ones are cut and marked with {@value #ELLIPSIS}. */
	public static final int MAX_METHOD_LENGTH = 24;

	/** Longest path kept; longer ones are cut and marked with {@value #ELLIPSIS}. */
	public static final int MAX_PATH_LENGTH = 256;

	/** Longest client address kept (an IPv6 address with a zone id fits). */
	public static final int MAX_CLIENT_IP_LENGTH = 64;

	/** Marks a value that was cut. */
	public static final String ELLIPSIS = "...";

	private RequestFields() {
	}

	/**
	 * Return the method bounded to {@value #MAX_METHOD_LENGTH} characters.
	 * @param method the method as the client sent it, may be {@code null}
	 * @return the bounded method
	 */
	public static String method(String method) {
		return cut(method, MAX_METHOD_LENGTH);
	}

	/**
	 * Return the path without path parameters, bounded to {@value #MAX_PATH_LENGTH}
	 * characters: {@code /a;jsessionid=1/b;v=2} becomes {@code /a/b}.
	 * @param path the path as the client sent it, without query string, may be
	 * {@code null}
	 * @return the redacted, bounded path
	 */
	public static String path(String path) {
		if (path == null) {
			return null;
		}
		int semicolon = path.indexOf(';');
		if (semicolon < 0) {
			return cut(path, MAX_PATH_LENGTH);
		}
		StringBuilder redacted = new StringBuilder(Math.min(path.length(), MAX_PATH_LENGTH + 1));
		int length = path.length();
		int i = 0;
		while (i < length && redacted.length() <= MAX_PATH_LENGTH) {
			char c = path.charAt(i);
			if (c == ';') {
				int slash = path.indexOf('/', i);
				if (slash < 0) {
					break;
				}
				i = slash;
				continue;
			}
			redacted.append(c);
			i++;
		}
		return cut(redacted.toString(), MAX_PATH_LENGTH);
	}

	/**
	 * Return the client address bounded to {@value #MAX_CLIENT_IP_LENGTH} characters.
	 * @param clientIp the address the server resolved, may be {@code null}
	 * @return the bounded address
	 */
	public static String clientIp(String clientIp) {
		return cut(clientIp, MAX_CLIENT_IP_LENGTH);
	}

	private static String cut(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		return value.substring(0, max) + ELLIPSIS;
	}

}
