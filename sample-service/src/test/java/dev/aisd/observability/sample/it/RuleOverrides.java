package dev.aisd.observability.sample.it;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites rule files for integration tests that cannot wait minutes: the {@code for:}
 * duration of chosen alerts, and nothing else.
 */
final class RuleOverrides {

	private static final Pattern ALERT_LINE = Pattern.compile("^\\s*- alert:\\s*(\\S+)\\s*$");

	private static final Pattern FOR_LINE = Pattern.compile("^(\\s*)for:\\s*\\S+\\s*$");

	private RuleOverrides() {
	}

	/**
	 * Replace the {@code for:} of the given alerts.
	 * @param ruleFile the rule file content
	 * @param alerts the alert names
	 * @param duration the new duration, such as {@code 5s}
	 * @return the rewritten content
	 */
	static String shortenFor(String ruleFile, Set<String> alerts, String duration) {
		StringBuilder result = new StringBuilder();
		String alert = null;
		for (String line : ruleFile.split("\n", -1)) {
			Matcher alertLine = ALERT_LINE.matcher(line);
			if (alertLine.matches()) {
				alert = alertLine.group(1);
			}
			Matcher forLine = FOR_LINE.matcher(line);
			if (alert != null && alerts.contains(alert) && forLine.matches()) {
				line = forLine.group(1) + "for: " + duration;
			}
			result.append(line).append('\n');
		}
		return result.substring(0, result.length() - 1);
	}

}
