package dev.aisd.observability.monitoring;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the metric names a PromQL expression reads, so that a rule or panel that names a
 * metric nobody exposes fails the build instead of quietly returning nothing.
 * <p>
 * A small lexer, not a full parser: it skips strings, label matchers ({@code {...}}),
 * ranges and subqueries ({@code [...]}), numbers and durations, the label lists of
 * {@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left} and
 * {@code group_right}, and treats an identifier followed by {@code (} as a function.
 * What remains are metric names (recording rules included, they contain a colon).
 */
public final class PromQl {

	private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan",
			"sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
			"quantile", "start", "end");

	private PromQl() {
	}

	/**
	 * Return the metric names an expression selects.
	 * @param expr a PromQL expression
	 * @return the names, sorted
	 * @throws IllegalArgumentException if the expression selects metrics by a
	 * {@code __name__} matcher, which this check cannot verify, or is malformed
	 */
	public static Set<String> metricNames(String expr) {
		if (expr.contains("__name__")) {
			throw new IllegalArgumentException("Selecting metrics by __name__ cannot be verified: " + expr);
		}
		Set<String> names = new TreeSet<>();
		int i = 0;
		int length = expr.length();
		while (i < length) {
			char c = expr.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = skipString(expr, i);
			}
			else if (c == '{') {
				i = skipBalanced(expr, i, '{', '}');
			}
			else if (c == '[') {
				i = skipBalanced(expr, i, '[', ']');
			}
			else if (c == '#') {
				int newline = expr.indexOf('\n', i);
				i = (newline < 0) ? length : newline + 1;
			}
			else if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(expr.charAt(i + 1)))) {
				// numbers, durations (5m), exponents (1e3) and hex (0x1f)
				i++;
				while (i < length && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '.'
						|| expr.charAt(i) == '_' || ((expr.charAt(i) == '+' || expr.charAt(i) == '-')
								&& (expr.charAt(i - 1) == 'e' || expr.charAt(i - 1) == 'E')))) {
					i++;
				}
			}
			else if (isIdentifierStart(c)) {
				int start = i;
				while (i < length && isIdentifierPart(expr.charAt(i))) {
					i++;
				}
				String word = expr.substring(start, i);
				int next = skipWhitespace(expr, i);
				boolean call = next < length && expr.charAt(next) == '(';
				String lower = word.toLowerCase(Locale.ROOT);
				if (LABEL_LIST_KEYWORDS.contains(lower)) {
					if (call) {
						i = skipBalanced(expr, next, '(', ')');
					}
				}
				else if (!call && !KEYWORDS.contains(lower)) {
					names.add(word);
				}
			}
			else {
				i++;
			}
		}
		return names;
	}

	/**
	 * Return the metric a Grafana {@code label_values(metric{...}, label)} variable query
	 * reads, if any. {@code label_values(label)} reads no particular metric.
	 * @param query the variable query
	 * @return the metric names (empty for other query kinds)
	 */
	public static Set<String> variableQueryMetricNames(String query) {
		String trimmed = query.trim();
		if (trimmed.startsWith("label_values(") && trimmed.endsWith(")")) {
			String inner = trimmed.substring("label_values(".length(), trimmed.length() - 1);
			int comma = lastTopLevelComma(inner);
			return (comma < 0) ? Set.of() : metricNames(inner.substring(0, comma));
		}
		if (trimmed.startsWith("query_result(") && trimmed.endsWith(")")) {
			return metricNames(trimmed.substring("query_result(".length(), trimmed.length() - 1));
		}
		return Set.of();
	}

	private static int lastTopLevelComma(String s) {
		int depth = 0;
		int last = -1;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = skipString(s, i) - 1;
			}
			else if (c == '(' || c == '{' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == '}' || c == ']') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				last = i;
			}
		}
		return last;
	}

	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9');
	}

	private static int skipWhitespace(String s, int i) {
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int skipString(String s, int start) {
		char quote = s.charAt(start);
		int i = start + 1;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '\\' && quote != '`') {
				i += 2;
			}
			else if (c == quote) {
				return i + 1;
			}
			else {
				i++;
			}
		}
		throw new IllegalArgumentException("Unterminated string at " + start + " in: " + s);
	}

	private static int skipBalanced(String s, int start, char open, char close) {
		int depth = 0;
		int i = start;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = skipString(s, i);
				continue;
			}
			if (c == open) {
				depth++;
			}
			else if (c == close) {
				depth--;
				if (depth == 0) {
					return i + 1;
				}
			}
			i++;
		}
		throw new IllegalArgumentException("Unbalanced '" + open + "' at " + start + " in: " + s);
	}

}
