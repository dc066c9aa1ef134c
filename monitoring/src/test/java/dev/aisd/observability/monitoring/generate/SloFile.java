package dev.aisd.observability.monitoring.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses and validates {@code monitoring/slo/slos.yml}. Every mistake is reported with
 * where it is, since the rules generated from a wrong file would page wrongly or never.
 */
public final class SloFile {

	private static final BigDecimal LOWEST_OBJECTIVE = BigDecimal.valueOf(95);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	// The value goes verbatim into label matchers and rule group names.
	private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

	private SloFile() {
	}

	/**
	 * Parse the SLO file.
	 * @param yaml its content
	 * @return the objectives, in file order (availability before latency per service)
	 * @throws IllegalArgumentException if the file is not a valid SLO file
	 */
	public static List<Slo> parse(String yaml) {
		Object document;
		try {
			document = new Yaml().load(yaml);
		}
		catch (YAMLException ex) {
			throw new IllegalArgumentException("slos.yml is not valid YAML: " + ex.getMessage(), ex);
		}
		Map<?, ?> root = map(document, "the document");
		onlyKeys(root, "the document", Set.of("services"));
		Object services = root.get("services");
		if (!(services instanceof List<?> list) || list.isEmpty()) {
			throw new IllegalArgumentException("slos.yml: 'services' must be a non-empty list");
		}
		List<Slo> slos = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			String where = "services[" + i + "]";
			Map<?, ?> entry = map(list.get(i), where);
			onlyKeys(entry, where, Set.of("service", "availability", "latency"));
			Object service = entry.get("service");
			if (!(service instanceof String name) || !SERVICE.matcher(name).matches()) {
				throw new IllegalArgumentException("slos.yml: " + where + ".service must be a service label value of "
						+ "letters, digits, '.', '_' or '-' (at most 63), got " + service);
			}
			if (!seen.add(name)) {
				throw new IllegalArgumentException("slos.yml: service " + name + " is listed twice");
			}
			if (!entry.containsKey("availability") && !entry.containsKey("latency")) {
				throw new IllegalArgumentException("slos.yml: " + where + " (" + name
						+ ") has neither an availability nor a latency objective");
			}
			if (entry.containsKey("availability")) {
				Map<?, ?> availability = map(entry.get("availability"), where + ".availability");
				onlyKeys(availability, where + ".availability", Set.of("objective"));
				slos.add(new Slo(name, Slo.Kind.AVAILABILITY, objective(availability, where + ".availability"), null));
			}
			if (entry.containsKey("latency")) {
				Map<?, ?> latency = map(entry.get("latency"), where + ".latency");
				onlyKeys(latency, where + ".latency", Set.of("objective", "threshold_seconds"));
				slos.add(new Slo(name, Slo.Kind.LATENCY, objective(latency, where + ".latency"),
						threshold(latency.get("threshold_seconds"), where + ".latency.threshold_seconds")));
			}
		}
		return slos;
	}

	private static BigDecimal objective(Map<?, ?> map, String where) {
		Object value = map.get("objective");
		if (!(value instanceof Number number)) {
			throw new IllegalArgumentException("slos.yml: " + where + ".objective must be a number (percent), got "
					+ value);
		}
		BigDecimal objective = new BigDecimal(number.toString());
		if (objective.compareTo(LOWEST_OBJECTIVE) < 0 || objective.compareTo(HUNDRED) >= 0) {
			throw new IllegalArgumentException("slos.yml: " + where + ".objective must be at least 95 and below 100 "
					+ "(percent), got " + objective.toPlainString());
		}
		if (objective.scale() > 4) {
			throw new IllegalArgumentException("slos.yml: " + where + ".objective has more than 4 decimals: "
					+ objective.toPlainString());
		}
		return objective;
	}

	private static String threshold(Object value, String where) {
		if (!(value instanceof Number number) || number.doubleValue() <= 0
				|| Double.isInfinite(number.doubleValue())) {
			throw new IllegalArgumentException("slos.yml: " + where + " must be a positive number of seconds, got "
					+ value);
		}
		// The le label of the histogram bucket, as the Prometheus client writes a double.
		return Double.toString(number.doubleValue());
	}

	private static Map<?, ?> map(Object value, String where) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("slos.yml: " + where + " must be a mapping, got " + value);
		}
		return map;
	}

	private static void onlyKeys(Map<?, ?> map, String where, Set<String> allowed) {
		for (Object key : map.keySet()) {
			if (!allowed.contains(String.valueOf(key))) {
				throw new IllegalArgumentException("slos.yml: unknown key '" + key + "' in " + where + " (expected "
						+ String.join(", ", allowed.stream().sorted().toList()) + ")");
			}
		}
	}

}
