package dev.aisd.observability.health.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;

import dev.aisd.observability.endpoint.internal.EndpointJson;
import dev.aisd.observability.health.HealthStatus;

/**
 * Writes the health payloads as JSON through {@link EndpointJson}. The detail is
 * sanitized first ({@link DetailSanitizer}), so writing cannot fail, and the endpoints do
 * not depend on how the application configures its JSON mapper.
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
		return text(EndpointJson.write(128 + report.checks().size() * 128, (json) -> {
			json.writeStartObject();
			head(json, report.status(), service, report.timestamp());
			json.writeName("checks");
			json.writeStartObject();
			for (CheckReport check : report.checks()) {
				EndpointJson.name(json, check.name());
				check(json, check, details);
			}
			json.writeEndObject();
			json.writeEndObject();
		}));
	}

	/**
	 * Writes the payload of {@code /health/live}.
	 * @param status the status
	 * @param service the service name
	 * @param timestamp the time
	 * @return the JSON document
	 */
	public static String live(HealthStatus status, String service, Instant timestamp) {
		return text(EndpointJson.write(96, (json) -> {
			json.writeStartObject();
			head(json, status, service, timestamp);
			json.writeEndObject();
		}));
	}

	private static void head(JsonGenerator json, HealthStatus status, String service, Instant timestamp) {
		EndpointJson.stringProperty(json, "status", status.value());
		EndpointJson.stringProperty(json, "service", service);
		json.writeName("timestamp");
		EndpointJson.timestampSeconds(json, timestamp);
	}

	private static void check(JsonGenerator json, CheckReport check, boolean details) {
		json.writeStartObject();
		EndpointJson.stringProperty(json, "status", check.status().value());
		json.writeBooleanProperty("critical", check.critical());
		json.writeNumberProperty("duration_ms", check.durationMs());
		if (details) {
			json.writeName("detail");
			value(json, check.detail());
		}
		if (check.lastRun() != null) {
			json.writeName("last_run");
			EndpointJson.timestampSeconds(json, check.lastRun());
		}
		if (check.stale() != null) {
			json.writeBooleanProperty("stale", check.stale());
		}
		if (check.pending() != null) {
			json.writeName("pending");
			json.writeStartObject();
			EndpointJson.stringProperty(json, "status", check.pending().status().value());
			json.writeNumberProperty("count", check.pending().count());
			json.writeNumberProperty("threshold", check.pending().threshold());
			json.writeEndObject();
		}
		json.writeEndObject();
	}

	/**
	 * Writes a sanitized detail value: maps, lists, strings, numbers, booleans and
	 * {@code null}; anything else as its string form.
	 */
	private static void value(JsonGenerator json, Object value) {
		if (value == null) {
			json.writeNull();
		}
		else if (value instanceof String string) {
			EndpointJson.string(json, string);
		}
		else if (value instanceof Boolean bool) {
			json.writeBoolean(bool);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof Byte) {
			json.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof Double || value instanceof Float) {
			json.writeNumber(((Number) value).doubleValue());
		}
		else if (value instanceof BigDecimal decimal) {
			json.writeNumber(decimal);
		}
		else if (value instanceof BigInteger integer) {
			json.writeNumber(integer);
		}
		else if (value instanceof Map<?, ?> map) {
			json.writeStartObject();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				EndpointJson.name(json, String.valueOf(entry.getKey()));
				value(json, entry.getValue());
			}
			json.writeEndObject();
		}
		else if (value instanceof List<?> list) {
			json.writeStartArray();
			for (Object element : list) {
				value(json, element);
			}
			json.writeEndArray();
		}
		else {
			EndpointJson.string(json, String.valueOf(value));
		}
	}

	private static String text(byte[] json) {
		return new String(json, StandardCharsets.UTF_8);
	}

}
