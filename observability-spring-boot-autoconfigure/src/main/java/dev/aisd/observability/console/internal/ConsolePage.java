package dev.aisd.observability.console.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * Writes the console's HTML: the summary (service, version, uptime, overall health,
 * threat level) rendered on the server so that it reads without JavaScript, and empty
 * sections that the script fills. Every value is escaped with Spring's
 * {@link HtmlUtils#htmlEscape(String)}; the page carries no inline script or style, which
 * its Content-Security-Policy forbids anyway.
 */
public final class ConsolePage {

	private ConsolePage() {
	}

	/**
	 * Writes the page.
	 * @param summary what the page shows before any script runs
	 * @param dataAttributes settings for the script, written as {@code data-*} attributes
	 * of the body (names without the prefix)
	 * @return the HTML document
	 */
	public static String render(Summary summary, Map<String, String> dataAttributes) {
		StringBuilder html = new StringBuilder(4096);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
		html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
		html.append("<title>").append(escape(summary.service())).append(" · observability console</title>\n");
		html.append("<link rel=\"stylesheet\" href=\"?asset=console.css\">\n</head>\n<body");
		dataAttributes.forEach((name, value) -> html.append(" data-")
			.append(escape(name))
			.append("=\"")
			.append(escape(value))
			.append('"'));
		html.append(">\n<header>\n<h1 id=\"service\">").append(escape(summary.service())).append("</h1>\n");
		html.append("<dl id=\"summary\">\n");
		item(html, "version", "Version", escape(summary.version()));
		item(html, "uptime", "Uptime", escape(uptime(summary.uptime())));
		item(html, "health", "Health", status(summary.health()));
		item(html, "threat", "Threat level", threat(summary.threatLevel(), summary.threatStatus()));
		html.append("</dl>\n<p id=\"refreshed\" class=\"muted\">Rendered ").append(escape(summary.renderedAt()));
		html.append("</p>\n</header>\n");
		html.append("<noscript><p class=\"notice\">The summary above was current when the page was loaded; ")
			.append("the live tables need JavaScript.</p></noscript>\n");
		html.append("<main>\n");
		section(html, "routes", "Routes", "Rate, errors and latency per route over the last window.");
		section(html, "traces", "Traces by latency",
				"Spans in the buffer per name and latency bucket; click a count for its spans, a span for its trace.");
		section(html, "checks", "Health checks", "Every check with its latest run and its recent transitions.");
		section(html, "security", "Security scorecard", "Dimensions, sub-scores and what to do next.");
		html.append("</main>\n<script src=\"?asset=console.js\"></script>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void item(StringBuilder html, String id, String label, String valueHtml) {
		html.append("<div><dt>")
			.append(label)
			.append("</dt><dd id=\"summary-")
			.append(id)
			.append("\">")
			.append(valueHtml)
			.append("</dd></div>\n");
	}

	private static void section(StringBuilder html, String id, String title, String description) {
		html.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n");
		html.append("<p class=\"muted\">").append(description).append("</p>\n");
		html.append("<div class=\"content\" id=\"").append(id).append("-content\"><p class=\"muted\">Loading…</p></div>\n");
		html.append("</section>\n");
	}

	private static String status(String status) {
		if (status == null) {
			return "<span class=\"muted\">n/a</span>";
		}
		String escaped = escape(status);
		return "<span class=\"status status-" + escaped + "\">" + escaped + "</span>";
	}

	private static String threat(Integer level, String status) {
		if (level == null) {
			return "<span class=\"muted\">not set</span>";
		}
		String css = (status != null) ? " threat-" + escape(status) : "";
		return "<span class=\"threat" + css + "\">" + level + " / 5" + ((status != null) ? " " + escape(status) : "")
				+ "</span>";
	}

	/**
	 * Formats an uptime as days, hours, minutes and seconds, the largest units first.
	 * @param uptime the uptime
	 * @return for example {@code 2d 3h 4m 5s}
	 */
	static String uptime(Duration uptime) {
		long seconds = Math.max(0, uptime.toSeconds());
		long days = seconds / 86_400;
		long hours = (seconds % 86_400) / 3600;
		long minutes = (seconds % 3600) / 60;
		StringBuilder text = new StringBuilder();
		if (days > 0) {
			text.append(days).append("d ");
		}
		if (days > 0 || hours > 0) {
			text.append(hours).append("h ");
		}
		if (days > 0 || hours > 0 || minutes > 0) {
			text.append(minutes).append("m ");
		}
		return text.append(seconds % 60).append('s').toString();
	}

	private static String escape(String value) {
		return (value != null) ? HtmlUtils.htmlEscape(value, "UTF-8") : "";
	}

	/**
	 * What the page shows before any script runs.
	 *
	 * @param service the service name
	 * @param version the service version, or a placeholder
	 * @param uptime how long the process has run
	 * @param health the overall health status, {@code null} when health is off
	 * @param threatLevel the threat level 0 to 5, {@code null} when not set
	 * @param threatStatus normal, elevated or critical, {@code null} when not set
	 * @param renderedAt when the page was rendered, ISO-8601
	 */
	public record Summary(String service, String version, Duration uptime, String health, Integer threatLevel,
			String threatStatus, String renderedAt) {
	}

}
