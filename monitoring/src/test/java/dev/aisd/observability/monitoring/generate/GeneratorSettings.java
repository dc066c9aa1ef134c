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
 * @param kubernetes the settings of the Kubernetes manifests
 */
public record GeneratorSettings(String runbookBaseUrl, Kubernetes kubernetes) {

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
			if (!Set.of("runbook_base_url", "kubernetes").contains(String.valueOf(key))) {
				throw new IllegalArgumentException("generator.yml: unknown key '" + key + "'");
			}
		}
		Object base = map.get("runbook_base_url");
		if (!(base instanceof String url) || !isAbsoluteHttpUrl(url) || url.contains("#") || url.contains("\"")) {
			throw new IllegalArgumentException(
					"generator.yml: runbook_base_url must be an absolute http(s) URL without '#' or quotes, got " + base);
		}
		return new GeneratorSettings(url, kubernetes(map.get("kubernetes")));
	}

	private static Kubernetes kubernetes(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("generator.yml: kubernetes must be a mapping");
		}
		Set<String> keys = Set.of("namespace", "image", "stable_tag", "canary_tag", "canary_weight", "app_port",
				"management_port");
		for (Object key : map.keySet()) {
			if (!keys.contains(String.valueOf(key))) {
				throw new IllegalArgumentException("generator.yml: unknown key 'kubernetes." + key + "'");
			}
		}
		int weight = integer(map, "canary_weight", 0, 100);
		int appPort = integer(map, "app_port", 1, 65535);
		int managementPort = integer(map, "management_port", 1, 65535);
		if (appPort == managementPort) {
			throw new IllegalArgumentException(
					"generator.yml: kubernetes.management_port must differ from app_port, so probes and scrapes "
							+ "stay off the application port");
		}
		return new Kubernetes(name(map, "namespace"), string(map, "image"), string(map, "stable_tag"),
				string(map, "canary_tag"), weight, appPort, managementPort);
	}

	private static String name(Map<?, ?> map, String key) {
		String value = string(map, key);
		if (!value.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
			throw new IllegalArgumentException("generator.yml: kubernetes." + key + " must be a DNS label, got " + value);
		}
		return value;
	}

	private static String string(Map<?, ?> map, String key) {
		Object value = map.get(key);
		if (!(value instanceof String text) || text.isBlank() || !text.matches("[A-Za-z0-9./:_-]+")) {
			throw new IllegalArgumentException("generator.yml: kubernetes." + key + " must be set, got " + value);
		}
		return text;
	}

	private static int integer(Map<?, ?> map, String key, int min, int max) {
		Object value = map.get(key);
		if (!(value instanceof Integer number) || number < min || number > max) {
			throw new IllegalArgumentException("generator.yml: kubernetes." + key + " must be a whole number in ["
					+ min + ", " + max + "], got " + value);
		}
		return number;
	}

	/**
	 * Settings of the Kubernetes manifests.
	 *
	 * @param namespace the namespace of every object
	 * @param image the container image, without tag
	 * @param stableTag the image tag of version v1
	 * @param canaryTag the image tag of version v2
	 * @param canaryWeight the percentage of requests routed to v2
	 * @param appPort the application port
	 * @param managementPort the management port (probes, /metrics)
	 */
	public record Kubernetes(String namespace, String image, String stableTag, String canaryTag, int canaryWeight,
			int appPort, int managementPort) {

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
