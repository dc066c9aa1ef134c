package dev.aisd.observability.sample.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises intrusion attempts in request parameters, the way an edge firewall does for
 * every endpoint: path traversal to read files, command injection, server-side request
 * forgery towards internal or cloud-metadata addresses, and JNDI lookups (Log4Shell).
 * Each rule has a stable id, the attack vector it reveals, a severity and a confidence.
 */
final class IntrusionDetector {

	/** Characters of a parameter value inspected; the rest is not looked at. */
	static final int MAX_INSPECTED_LENGTH = 1024;

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	// Ordered by severity: the first rule that matches names the attempt.
	private static final List<Rule> RULES = List.of(
			new Rule("rce-jndi-lookup", "jndi_injection", "critical", 0.99,
					Pattern.compile("\\$\\{\\s*jndi\\s*:", FLAGS)),
			new Rule("rce-command-injection", "command_injection", "critical", 0.95, Pattern.compile(
					"(?:[;|&`]|\\$\\()\\s*(?:cat|ls|id|whoami|uname|wget|curl|nc|ncat|bash|sh|powershell|ping)\\b",
					FLAGS)),
			new Rule("ssrf-internal-address", "ssrf", "high", 0.9, Pattern.compile(
					"^\\s*(?:(?:https?|ftp)://(?:[^/@]*@)?(?:169\\.254\\.169\\.254|metadata\\.google\\.internal"
							+ "|localhost|127\\.\\d+\\.\\d+\\.\\d+|0\\.0\\.0\\.0|\\[::1?\\])(?:[:/?#]|$)"
							+ "|(?:file|gopher|dict)://)",
					FLAGS)),
			new Rule("lfi-path-traversal", "path_traversal", "high", 0.9,
					Pattern.compile("(?:\\.\\.[/\\\\])|(?:^|[/\\\\])(?:etc/(?:passwd|shadow)|windows/win\\.ini)\\b",
							FLAGS)));

	/**
	 * Inspect one parameter value.
	 * @param value the decoded value, may be {@code null}
	 * @return the first rule that matches, or {@code null}
	 */
	Rule detect(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		String inspected = (value.length() > MAX_INSPECTED_LENGTH) ? value.substring(0, MAX_INSPECTED_LENGTH) : value;
		for (Rule rule : RULES) {
			if (rule.pattern().matcher(inspected).find()) {
				return rule;
			}
		}
		return null;
	}

	/**
	 * One intrusion rule.
	 *
	 * @param id the rule id, the {@code rule_id} label of the WAF trigger
	 * @param attackVector the {@code attack_vector} label
	 * @param severity the severity label
	 * @param score how sure a match is an attack, 0..1
	 * @param pattern what it matches
	 */
	record Rule(String id, String attackVector, String severity, double score, Pattern pattern) {
	}

}
