package dev.aisd.observability.monitoring.generate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

/**
 * The settings of {@code monitoring/generator.yml}.
 *
 * @param runbookBaseUrl the absolute URL the runbook links of every alert start with
 */
public record GeneratorSettings(String runbookBaseUrl) {

	/**
	 * Parse the settings file.
	 * @param yaml its content
	 * @return the settings
	 * @throws IllegalArgumentException if a setting is missing or invalid
	 */
	public static GeneratorSettings parse(String yaml) {
		Object document = new Yaml().load(yaml);
		if (!(document instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("generator.yml must be a mapping");
		}
		for (Object key : map.keySet()) {
			if (!Set.of("runbook_base_url").contains(String.valueOf(key))) {
				throw new IllegalArgumentException("generator.yml: unknown key '" + key + "'");
			}
		}
		Object base = map.get("runbook_base_url");
		if (!(base instanceof String url) || !isAbsoluteHttpUrl(url) || url.contains("#") || url.contains("\"")) {
			throw new IllegalArgumentException(
					"generator.yml: runbook_base_url must be an absolute http(s) URL without '#' or quotes, got " + base);
		}
		return new GeneratorSettings(url);
	}

	private static boolean isAbsoluteHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
