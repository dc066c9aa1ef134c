package dev.aisd.observability.health.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.health.HealthStatus;

/**
 * Writes the health payloads as JSON. Hand-written on purpose: the detail is sanitized
 * first, so writing cannot fail, and the endpoints do not depend on how the application
 * configures its JSON mapper.
 */
public final class HealthJson {

	private HealthJson() {
	}

	/**
	 * Writes the payload of {@code /health} and {@code /health/ready}.
	 * @param report the report
	 * @param service the service name
	 * @return the JSON document
	 */
	public static String report(HealthReport report, String service) {
		return report(report, service, true);
	}

	/**
	 * Writes the payload of {@code /health} and {@code /health/ready}.
	 * @param report the report
	 * @param service the service name
	 * @param details whether to write the {@code detail} of each check
	 * @return the JSON document
	 */
	public static String report(HealthReport report, String service, boolean details) {
		StringBuilder json = new StringBuilder(128 + report.checks().size() * 128);
		json.append("{\"status\":");
		string(json, report.status().value());
		json.append(",\"service\":");
		string(json, service);
		json.append(",\"timestamp\":");
		string(json, timestamp(report.timestamp()));
		json.append(",\"checks\":{");
		boolean first = true;
		for (CheckReport check : report.checks()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			string(json, check.name());
			json.append(":{\"status\":");
			string(json, check.status().value());
			json.append(",\"critical\":").append(check.critical());
			json.append(",\"duration_ms\":").append(check.durationMs());
			if (details) {
				json.append(",\"detail\":");
				value(json, check.detail());
			}
			if (check.lastRun() != null) {
				json.append(",\"last_run\":");
				string(json, timestamp(check.lastRun()));
			}
			if (check.stale() != null) {
				json.append(",\"stale\":").append(check.stale());
			}
			if (check.pending() != null) {
				json.append(",\"pending\":{\"status\":");
				string(json, check.pending().status().value());
				json.append(",\"count\":").append(check.pending().count());
				json.append(",\"threshold\":").append(check.pending().threshold());
				json.append('}');
			}
			json.append('}');
		}
		return json.append("}}").toString();
	}

	/**
	 * Writes the payload of {@code /health/live}.
	 * @param status the status
	 * @param service the service name
	 * @param timestamp the time
	 * @return the JSON document
	 */
	public static String live(HealthStatus status, String service, Instant timestamp) {
		StringBuilder json = new StringBuilder(96);
		json.append("{\"status\":");
		string(json, status.value());
		json.append(",\"service\":");
		string(json, service);
		json.append(",\"timestamp\":");
		string(json, timestamp(timestamp));
		return json.append('}').toString();
	}

	static String timestamp(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private static void value(StringBuilder json, Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof String string) {
			string(json, string);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					json.append(',');
				}
				first = false;
				string(json, String.valueOf(entry.getKey()));
				json.append(':');
				value(json, entry.getValue());
			}
			json.append('}');
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					json.append(',');
				}
				value(json, list.get(i));
			}
			json.append(']');
		}
		else {
			string(json, String.valueOf(value));
		}
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					// Control characters, and lone surrogates that are not valid UTF-8, escaped.
					if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(value, i)) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	private static boolean validSurrogate(String value, int i) {
		char c = value.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
	}

}
