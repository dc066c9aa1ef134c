package dev.aisd.observability.monitoring.generate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points every {@code runbook_url} of a rule or rule test file at the configured base,
 * keeping the anchor: {@code runbook_url: "<anything>#targetdown"} becomes
 * {@code runbook_url: "<base>#targetdown"}. Lines are rewritten in place, so comments
 * and layout of the hand-written files stay as they are.
 */
public final class RunbookUrls {

	private static final Pattern RUNBOOK_URL = Pattern.compile("^(\\s*runbook_url:\\s*)\"([^\"#]*)#([^\"]+)\"(\\s*)$",
			Pattern.MULTILINE);

	private RunbookUrls() {
	}

	/**
	 * Rewrite the runbook URLs of a file.
	 * @param text the file content
	 * @param base the absolute URL of the operations guide
	 * @return the content with every runbook URL on the base
	 */
	public static String rewrite(String text, String base) {
		Matcher matcher = RUNBOOK_URL.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result,
					Matcher.quoteReplacement(matcher.group(1) + "\"" + base + "#" + matcher.group(3) + "\"" + matcher.group(4)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

}
