package dev.aisd.observability.security;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A small parser of the Prometheus text exposition format (0.0.4), enough to check
 * family names, types, label names and sample values.
 */
final class PrometheusText {

	final Map<String, String> types = new LinkedHashMap<>();

	/** Label names of every sample, by sample name (for example {@code x_bucket}). */
	final Map<String, Set<Set<String>>> labelNames = new HashMap<>();

	/** Sample values by sample name and rendered label set. */
	final Map<String, Map<Map<String, String>, Double>> samples = new HashMap<>();

	static PrometheusText parse(String text) {
		PrometheusText parsed = new PrometheusText();
		for (String line : text.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			if (line.startsWith("# TYPE ")) {
				String[] parts = line.substring("# TYPE ".length()).split(" ");
				parsed.types.put(parts[0], parts[1]);
				continue;
			}
			if (line.startsWith("#")) {
				continue;
			}
			parsed.sample(line);
		}
		return parsed;
	}

	private void sample(String line) {
		int brace = line.indexOf('{');
		int space = line.lastIndexOf(' ');
		String name;
		Map<String, String> labels = new LinkedHashMap<>();
		if (brace >= 0 && brace < space) {
			name = line.substring(0, brace);
			int close = line.lastIndexOf('}');
			parseLabels(line.substring(brace + 1, close), labels);
		}
		else {
			name = line.substring(0, space);
		}
		double value = Double.parseDouble(line.substring(space + 1).replace("+Inf", "Infinity"));
		this.labelNames.computeIfAbsent(name, (key) -> new LinkedHashSet<>()).add(labels.keySet());
		this.samples.computeIfAbsent(name, (key) -> new HashMap<>()).put(labels, value);
	}

	private static void parseLabels(String text, Map<String, String> labels) {
		int i = 0;
		while (i < text.length()) {
			int equals = text.indexOf('=', i);
			String key = text.substring(i, equals).trim();
			StringBuilder value = new StringBuilder();
			int j = equals + 2;
			while (text.charAt(j) != '"') {
				char c = text.charAt(j);
				if (c == '\\') {
					char next = text.charAt(j + 1);
					value.append((next == 'n') ? '\n' : next);
					j += 2;
				}
				else {
					value.append(c);
					j++;
				}
			}
			labels.put(key, value.toString());
			i = j + 1;
			if (i < text.length() && text.charAt(i) == ',') {
				i++;
			}
		}
	}

	Double value(String name, Map<String, String> labels) {
		Map<Map<String, String>, Double> byLabels = this.samples.get(name);
		return (byLabels != null) ? byLabels.get(labels) : null;
	}

}
