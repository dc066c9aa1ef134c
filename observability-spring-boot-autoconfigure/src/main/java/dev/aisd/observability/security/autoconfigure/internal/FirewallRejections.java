package dev.aisd.observability.security.autoconfigure.internal;

/**
 * Turns the message of a Spring Security firewall rejection into one of a small, fixed
 * set of {@code pattern_type} label values, so a hostile URL never reaches a label.
 */
final class FirewallRejections {

	/** Pattern type when the message says nothing more specific. */
	public static final String REJECTED = "firewall_rejected";

	/** {@code ..}, {@code %2e} or a path that is not normalized. */
	public static final String PATH_TRAVERSAL = "firewall_path_traversal";

	/** A semicolon (path parameters) in the URL. */
	public static final String SEMICOLON = "firewall_semicolon";

	/** An encoded or doubled path separator: {@code //}, {@code %2f}, a backslash. */
	public static final String ENCODED_SEPARATOR = "firewall_encoded_separator";

	/** An encoded percent sign ({@code %25}), a sign of double encoding. */
	public static final String ENCODED_PERCENT = "firewall_encoded_percent";

	/** A null byte, line feed, carriage return or other control character. */
	public static final String CONTROL_CHARACTER = "firewall_control_character";

	/** Another string of the firewall's block list. */
	public static final String MALICIOUS_STRING = "firewall_malicious_string";

	/** An HTTP method the firewall does not allow. */
	public static final String DISALLOWED_METHOD = "firewall_disallowed_method";

	/** A header name or value the firewall does not allow. */
	public static final String INVALID_HEADER = "firewall_invalid_header";

	/** A parameter name or value the firewall does not allow. */
	public static final String INVALID_PARAMETER = "firewall_invalid_parameter";

	/** A host the firewall does not trust. */
	public static final String UNTRUSTED_HOST = "firewall_untrusted_host";

	/** Characters that are not printable ASCII. */
	public static final String NON_PRINTABLE = "firewall_non_printable";

	private static final String MALICIOUS_MARKER = "potentially malicious String \"";

	private FirewallRejections() {
	}

	/**
	 * Classify a rejection by the message of its exception.
	 * @param message the exception message, may be {@code null}
	 * @return a pattern type, never {@code null}
	 */
	public static String patternType(String message) {
		if (message == null) {
			return REJECTED;
		}
		int marker = message.indexOf(MALICIOUS_MARKER);
		if (marker >= 0) {
			int start = marker + MALICIOUS_MARKER.length();
			int end = message.lastIndexOf('"');
			return maliciousString((end > start) ? message.substring(start, end) : "");
		}
		if (message.contains("not normalized")) {
			return PATH_TRAVERSAL;
		}
		if (message.contains("printable ASCII")) {
			return NON_PRINTABLE;
		}
		if (message.contains("HTTP method")) {
			return DISALLOWED_METHOD;
		}
		if (message.contains("header")) {
			return INVALID_HEADER;
		}
		if (message.contains("parameter")) {
			return INVALID_PARAMETER;
		}
		if (message.contains("domain") || message.contains("host")) {
			return UNTRUSTED_HOST;
		}
		return REJECTED;
	}

	private static String maliciousString(String blocked) {
		String value = blocked.toLowerCase(java.util.Locale.ROOT);
		if (value.contains(";") || value.contains("%3b")) {
			return SEMICOLON;
		}
		if (value.contains("%25")) {
			return ENCODED_PERCENT;
		}
		if (value.contains("%2e") || value.contains("..") || value.contains("/./")) {
			return PATH_TRAVERSAL;
		}
		if (value.contains("//") || value.contains("%2f") || value.contains("%5c") || value.contains("\\")) {
			return ENCODED_SEPARATOR;
		}
		if (value.contains("%00") || value.contains("%0a") || value.contains("%0d") || value.contains("%u")
				|| hasControlCharacter(value)) {
			return CONTROL_CHARACTER;
		}
		return MALICIOUS_STRING;
	}

	private static boolean hasControlCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
				return true;
			}
		}
		return false;
	}

}
