package dev.aisd.observability.tracing.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides which attribute keys carry secrets: {@code Authorization}, cookies and keys
 * that look like passwords, secrets, tokens, API keys or credentials (case-insensitive,
 * anywhere in the key, so {@code http.request.header.authorization} and
 * {@code db.password} match too).
 */
public final class SensitiveKeys {

	/** Value that replaces a sensitive attribute value. */
	public static final String REDACTED = "[REDACTED]";

	private static final String[] MARKERS = { "password", "passwd", "secret", "token", "api_key", "apikey",
			"api-key", "authorization", "cookie", "credential" };

	/** Beyond this many distinct keys decisions are computed, not cached (bounded memory). */
	private static final int MAX_CACHED = 2048;

	private static final ConcurrentMap<String, Boolean> decisions = new ConcurrentHashMap<>();

	private SensitiveKeys() {
	}

	/**
	 * Return whether the value of an attribute with this key must be redacted.
	 * @param key the attribute key
	 * @return whether the key is sensitive
	 */
	public static boolean isSensitive(String key) {
		if (key == null) {
			return false;
		}
		// Keys are nearly always constants, so the scan runs once per distinct key.
		Boolean decision = decisions.get(key);
		if (decision != null) {
			return decision;
		}
		boolean sensitive = scan(key);
		if (decisions.size() < MAX_CACHED) {
			decisions.put(key, sensitive);
		}
		return sensitive;
	}

	/**
	 * Return whether an attribute holds a URL whose query string or user info may carry
	 * secrets ({@code http.url}, {@code url.full}, {@code url.query}, ...).
	 * @param key the attribute key
	 * @return whether the value is a URL to clean
	 */
	public static boolean isUrl(String key) {
		return key != null && (endsWithIgnoreCase(key, "url") || endsWithIgnoreCase(key, "url.full")
				|| endsWithIgnoreCase(key, "url.query"));
	}

	/**
	 * Redact the values of sensitive query parameters ({@code ?token=...},
	 * {@code &api_key=...}) and the password of user info ({@code https://user:pw@host}).
	 * @param url the URL or query string
	 * @return the URL with secrets replaced by {@value #REDACTED}, the same instance when
	 * nothing had to change
	 */
	public static String redactUrl(String url) {
		if (url == null) {
			return null;
		}
		String result = url;
		int scheme = result.indexOf("://");
		int at = (scheme >= 0) ? result.indexOf('@', scheme + 3) : -1;
		int pathStart = (scheme >= 0) ? result.indexOf('/', scheme + 3) : -1;
		if (at > 0 && (pathStart < 0 || at < pathStart)) {
			int colon = result.indexOf(':', scheme + 3);
			if (colon > 0 && colon < at) {
				result = result.substring(0, colon + 1) + REDACTED + result.substring(at);
			}
		}
		int query = result.indexOf('?');
		if (query < 0 && !result.contains("=")) {
			return result;
		}
		StringBuilder out = new StringBuilder(result.length() + 16);
		int start = (query >= 0) ? query + 1 : 0;
		out.append(result, 0, start);
		int end = result.indexOf('#', start);
		String fragment = (end >= 0) ? result.substring(end) : "";
		String parameters = (end >= 0) ? result.substring(start, end) : result.substring(start);
		boolean changed = false;
		String[] pairs = parameters.split("&", -1);
		for (int i = 0; i < pairs.length; i++) {
			if (i > 0) {
				out.append('&');
			}
			String pair = pairs[i];
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			if (equals >= 0 && isSensitive(name)) {
				out.append(name).append('=').append(REDACTED);
				changed = true;
			}
			else {
				out.append(pair);
			}
		}
		out.append(fragment);
		return changed ? out.toString() : result;
	}

	private static boolean endsWithIgnoreCase(String text, String suffix) {
		return text.regionMatches(true, text.length() - suffix.length(), suffix, 0, suffix.length());
	}

	private static boolean scan(String key) {
		for (String marker : MARKERS) {
			if (containsIgnoreCase(key, marker)) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsIgnoreCase(String text, String lowerCaseNeedle) {
		int last = text.length() - lowerCaseNeedle.length();
		for (int i = 0; i <= last; i++) {
			if (text.regionMatches(true, i, lowerCaseNeedle, 0, lowerCaseNeedle.length())) {
				return true;
			}
		}
		return false;
	}

}
