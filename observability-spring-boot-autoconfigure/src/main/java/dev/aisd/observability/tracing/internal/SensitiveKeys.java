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
