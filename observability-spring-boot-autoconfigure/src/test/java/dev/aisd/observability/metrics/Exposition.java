package dev.aisd.observability.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A parsed Prometheus text (0.0.4) or OpenMetrics exposition, strict enough that a malformed
 * line fails the test.
 */
final class Exposition {

	private final List<Sample> samples;

	private final Map<String, String> types;

	private Exposition(List<Sample> samples, Map<String, String> types) {
		this.samples = samples;
		this.types = types;
	}

	static Exposition parse(String text) {
		List<Sample> samples = new ArrayList<>();
		Map<String, String> types = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("#")) {
				String[] parts = line.split(" ", 4);
				if (parts.length >= 4 && parts[1].equals("TYPE")) {
					types.put(parts[2], parts[3]);
				}
				continue;
			}
			samples.add(Sample.parse(line));
		}
		return new Exposition(samples, types);
	}

	List<Sample> samples() {
		return this.samples;
	}

	List<Sample> samples(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
	}

	List<Sample> samples(String name, Predicate<Sample> filter) {
		return samples(name).stream().filter(filter).toList();
	}

	Set<String> names() {
		Set<String> names = new TreeSet<>();
		this.samples.forEach((sample) -> names.add(sample.name()));
		return names;
	}

	String type(String family) {
		return this.types.get(family);
	}

	double value(String name, Map<String, String> labels) {
		return samples(name).stream()
			.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	record Sample(String name, Map<String, String> labels, double value) {

		static Sample parse(String line) {
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			Map<String, String> labels = new LinkedHashMap<>();
			String name;
			String rest;
			if (brace >= 0 && brace < space) {
				name = line.substring(0, brace);
				int i = brace + 1;
				while (line.charAt(i) != '}') {
					int eq = line.indexOf('=', i);
					String label = line.substring(i, eq);
					if (line.charAt(eq + 1) != '"') {
						throw new IllegalArgumentException("Malformed labels in " + line);
					}
					StringBuilder value = new StringBuilder();
					int j = eq + 2;
					while (line.charAt(j) != '"') {
						char c = line.charAt(j);
						if (c == '\\') {
							char next = line.charAt(++j);
							value.append((next == 'n') ? '\n' : next);
						}
						else {
							value.append(c);
						}
						j++;
					}
					labels.put(label, value.toString());
					i = j + 1;
					if (line.charAt(i) == ',') {
						i++;
					}
				}
				rest = line.substring(i + 1).trim();
			}
			else {
				name = line.substring(0, space);
				rest = line.substring(space + 1).trim();
			}
			if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
				throw new IllegalArgumentException("Malformed metric name in " + line);
			}
			String valueText = rest.split(" ")[0];
			double value = switch (valueText) {
				case "+Inf" -> Double.POSITIVE_INFINITY;
				case "-Inf" -> Double.NEGATIVE_INFINITY;
				case "NaN" -> Double.NaN;
				default -> Double.parseDouble(valueText);
			};
			return new Sample(name, labels, value);
		}

	}

}
