package dev.aisd.observability.test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A parsed Prometheus text (0.0.4) or OpenMetrics exposition, strict enough that a malformed
 * line fails the test: the one parser the tests of every module use to check the names,
 * types, labels and values that Prometheus actually sees. Exemplars and timestamps after
 * a value are skipped.
 */
public final class Exposition {

	private final List<Sample> samples;

	private final Map<String, String> types;

	private Exposition(List<Sample> samples, Map<String, String> types) {
		this.samples = Collections.unmodifiableList(samples);
		this.types = Collections.unmodifiableMap(types);
	}

	/**
	 * Parse an exposition.
	 * @param text the exposition text
	 * @return the parsed exposition
	 * @throws IllegalArgumentException on a malformed sample line
	 */
	public static Exposition parse(String text) {
		List<Sample> samples = new ArrayList<>();
		Map<String, String> types = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("#")) {
				String[] parts = line.split(" ", 4);
				if (parts.length >= 4 && parts[1].equals("TYPE")) {
					types.put(parts[2], parts[3].trim());
				}
				continue;
			}
			samples.add(Sample.parse(line));
		}
		return new Exposition(samples, types);
	}

	/** @return every sample, in exposition order */
	public List<Sample> samples() {
		return this.samples;
	}

	/**
	 * @param name the exact sample name (for example {@code x_bucket})
	 * @return its samples, in exposition order
	 */
	public List<Sample> samples(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
	}

	/**
	 * @param name the exact sample name
	 * @param filter which of its samples to keep
	 * @return the samples kept, in exposition order
	 */
	public List<Sample> samples(String name, Predicate<Sample> filter) {
		return samples(name).stream().filter(filter).toList();
	}

	/** @return the sample names, sorted */
	public Set<String> names() {
		Set<String> names = new TreeSet<>();
		this.samples.forEach((sample) -> names.add(sample.name()));
		return names;
	}

	/**
	 * @param family the family name of a {@code # TYPE} line
	 * @return its type, or {@code null}
	 */
	public String type(String family) {
		return this.types.get(family);
	}

	/** @return the type of every family with a {@code # TYPE} line, in exposition order */
	public Map<String, String> types() {
		return this.types;
	}

	/**
	 * @param name the exact sample name
	 * @param labels label names and values a series must have (others are ignored)
	 * @return the summed value of the matching series, 0 when none matches
	 */
	public double value(String name, Map<String, String> labels) {
		return samples(name).stream()
			.filter((sample) -> sample.labels().entrySet().containsAll(labels.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	/**
	 * @param name the exact sample name
	 * @param labels label name and value pairs a series must have (others are ignored)
	 * @return the summed value of the matching series, 0 when none matches
	 */
	public double value(String name, String... labels) {
		return value(name, pairs(labels));
	}

	/**
	 * @param name the exact sample name
	 * @param labels label name and value pairs a series must have (others are ignored)
	 * @return whether a series matches
	 */
	public boolean has(String name, String... labels) {
		Map<String, String> wanted = pairs(labels);
		return samples(name).stream().anyMatch((sample) -> sample.labels().entrySet().containsAll(wanted.entrySet()));
	}

	/**
	 * @param name the exact sample name
	 * @param labels exactly the labels of the series
	 * @return the value of that series, or {@code null} when there is none
	 */
	public Double exactValue(String name, Map<String, String> labels) {
		return samples(name).stream()
			.filter((sample) -> sample.labels().equals(labels))
			.map(Sample::value)
			.findFirst()
			.orElse(null);
	}

	/** @return the values of every series by sample name and exact label set */
	public Map<String, Map<Map<String, String>, Double>> series() {
		Map<String, Map<Map<String, String>, Double>> series = new LinkedHashMap<>();
		this.samples.forEach((sample) -> series.computeIfAbsent(sample.name(), (key) -> new LinkedHashMap<>())
			.put(sample.labels(), sample.value()));
		return series;
	}

	/** @return the distinct label-name sets of every sample name */
	public Map<String, Set<Set<String>>> labelNames() {
		Map<String, Set<Set<String>>> names = new LinkedHashMap<>();
		this.samples.forEach((sample) -> names.computeIfAbsent(sample.name(), (key) -> new LinkedHashSet<>())
			.add(sample.labels().keySet()));
		return names;
	}

	private static Map<String, String> pairs(String... labels) {
		if (labels.length % 2 != 0) {
			throw new IllegalArgumentException("Labels come in name and value pairs");
		}
		Map<String, String> pairs = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			pairs.put(labels[i], labels[i + 1]);
		}
		return pairs;
	}

	/**
	 * One sample line.
	 *
	 * @param name the sample name
	 * @param labels its labels, in exposition order
	 * @param value its value
	 */
	public record Sample(String name, Map<String, String> labels, double value) {

		static Sample parse(String line) {
			int brace = line.indexOf('{');
			int space = line.indexOf(' ');
			if (space < 0) {
				throw new IllegalArgumentException("Malformed sample line " + line);
			}
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
			return new Sample(name, Collections.unmodifiableMap(labels), value);
		}

	}

}
