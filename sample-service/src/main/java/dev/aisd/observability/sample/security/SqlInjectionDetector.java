package dev.aisd.observability.sample.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A tiny web application firewall for search queries: a handful of rules that recognise
 * SQL injection. Each rule has a stable id, a severity and a confidence score, which is
 * what the security metrics record when it fires.
 */
final class SqlInjectionDetector {

	/** Longest query inspected; longer ones are refused before any pattern runs. */
	static final int MAX_QUERY_LENGTH = 256;

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	// Ordered by confidence: the first rule that matches names the attack.
	private static final List<Rule> RULES = List.of(
			new Rule("sqli-union-select", "critical", 0.97, Pattern.compile("\\bunion\\b(\\s+all)?\\s+select\\b", FLAGS)),
			new Rule("sqli-stacked-query", "critical", 0.95,
					Pattern.compile(";\\s*(drop|delete|insert|update|alter|create|truncate|exec)\\b", FLAGS)),
			new Rule("sqli-time-based", "high", 0.93,
					Pattern.compile("\\b(sleep|benchmark|pg_sleep)\\s*\\(|\\bwaitfor\\s+delay\\b", FLAGS)),
			new Rule("sqli-tautology", "high", 0.92,
					Pattern.compile("\\b(or|and)\\s+('?\\w+'?)\\s*=\\s*('?\\w+'?)", FLAGS)),
			new Rule("sqli-schema-probe", "high", 0.9,
					Pattern.compile("\\binformation_schema\\b|\\bsys(objects|columns)\\b|\\bpg_catalog\\b", FLAGS)),
			new Rule("sqli-comment-terminator", "medium", 0.75, Pattern.compile("['\"`]\\s*(--|#|/\\*)", FLAGS)));

	/**
	 * Inspect a query.
	 * @param query the query, at most {@link #MAX_QUERY_LENGTH} characters
	 * @return the first rule that matches, or {@code null}
	 */
	Rule detect(String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (Rule rule : RULES) {
			if (rule.pattern().matcher(query).find()) {
				return rule;
			}
		}
		return null;
	}

	/**
	 * One firewall rule.
	 *
	 * @param id the rule id, the {@code rule_id} label
	 * @param severity the severity label
	 * @param score how sure a match is an attack, 0..1
	 * @param pattern what it matches
	 */
	record Rule(String id, String severity, double score, Pattern pattern) {
	}

}
