package dev.aisd.observability.sample;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sample values out of Prometheus text exposition, so tests assert the exact names
 * and labels Prometheus sees.
 */
public final class MetricsScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private MetricsScrape() {
	}

	/**
	 * Return the summed value of every series of {@code name} that has the given labels
	 * (others ignored), or 0 when there is none.
	 * @param text the exposition text
	 * @param name the exact sample name
	 * @param labels label name and value pairs
	 * @return the summed value
	 */
	public static double value(String text, String name, String... labels) {
		Map<String, String> wanted = new TreeMap<>();
		for (int i = 0; i + 1 < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		double sum = 0;
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.find() || !sample.group(1).equals(name)) {
				continue;
			}
			Map<String, String> actual = new TreeMap<>();
			if (sample.group(3) != null) {
				Matcher label = LABEL.matcher(sample.group(3));
				while (label.find()) {
					actual.put(label.group(1), label.group(2));
				}
			}
			if (actual.entrySet().containsAll(wanted.entrySet())) {
				sum += Double.parseDouble(sample.group(4));
			}
		}
		return sum;
	}

	/**
	 * Whether any series of {@code name} has the given labels.
	 * @param text the exposition text
	 * @param name the exact sample name
	 * @param labels label name and value pairs
	 * @return whether such a series exists
	 */
	public static boolean has(String text, String name, String... labels) {
		Map<String, String> wanted = new TreeMap<>();
		for (int i = 0; i + 1 < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.find() || !sample.group(1).equals(name)) {
				continue;
			}
			Map<String, String> actual = new TreeMap<>();
			if (sample.group(3) != null) {
				Matcher label = LABEL.matcher(sample.group(3));
				while (label.find()) {
					actual.put(label.group(1), label.group(2));
				}
			}
			if (actual.entrySet().containsAll(wanted.entrySet())) {
				return true;
			}
		}
		return false;
	}

}
