package dev.aisd.observability.health.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the detail of a check into values any JSON writer can write: strings (at most
 * {@code maxLength} characters), finite numbers, booleans, nulls, maps with string keys
 * and lists, bounded in depth and size. Anything else becomes its {@code toString()};
 * cycles and values whose {@code toString()} throws become a placeholder. Never throws.
 */
final class DetailSanitizer {

	private static final int MAX_DEPTH = 8;

	private static final int MAX_ENTRIES = 100;

	private static final String TRUNCATED = "...(truncated)";

	private final int maxLength;

	/**
	 * Creates a sanitizer.
	 * @param maxLength the longest string kept whole, at least 16
	 */
	public DetailSanitizer(int maxLength) {
		this.maxLength = Math.max(16, maxLength);
	}

	/**
	 * Sanitizes a detail map.
	 * @param detail the detail, may be {@code null}
	 * @return an unmodifiable sanitized copy
	 */
	public Map<String, Object> sanitize(Map<String, ?> detail) {
		if (detail == null || detail.isEmpty()) {
			return Collections.emptyMap();
		}
		try {
			Map<String, Object> copy = map(detail, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
			return Collections.unmodifiableMap(copy);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// A map whose iteration itself fails (a hostile implementation): keep the reason.
			return Collections.singletonMap("detail_error", "detail could not be read: " + ex.getClass().getName());
		}
	}

	private Map<String, Object> map(Map<?, ?> source, int depth, Set<Object> path) {
		Map<String, Object> copy = new LinkedHashMap<>();
		path.add(source);
		int count = 0;
		for (Map.Entry<?, ?> entry : source.entrySet()) {
			if (count++ == MAX_ENTRIES) {
				copy.put("...", (source.size() - MAX_ENTRIES) + " more entries");
				break;
			}
			copy.put(truncate(string(entry.getKey())), value(entry.getValue(), depth + 1, path));
		}
		path.remove(source);
		return copy;
	}

	private List<Object> list(Iterable<?> source, int depth, Set<Object> path) {
		List<Object> copy = new ArrayList<>();
		path.add(source);
		int count = 0;
		for (Object element : source) {
			if (count++ == MAX_ENTRIES) {
				copy.add("...(more elements)");
				break;
			}
			copy.add(value(element, depth + 1, path));
		}
		path.remove(source);
		return copy;
	}

	private Object value(Object value, int depth, Set<Object> path) {
		if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Short || value instanceof Byte || value instanceof BigInteger
				|| value instanceof BigDecimal) {
			return value;
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			return Double.isFinite(number) ? value : String.valueOf(number);
		}
		if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
			return truncate(value.toString());
		}
		if (path.contains(value)) {
			return "(cycle)";
		}
		if (depth > MAX_DEPTH) {
			return "(too deep)";
		}
		if (value instanceof Map<?, ?> map) {
			return map(map, depth, path);
		}
		if (value instanceof Collection<?> collection) {
			return list(collection, depth, path);
		}
		if (value.getClass().isArray()) {
			List<Object> elements = new ArrayList<>();
			int length = Math.min(Array.getLength(value), MAX_ENTRIES);
			for (int i = 0; i < length; i++) {
				elements.add(Array.get(value, i));
			}
			return list(elements, depth, path);
		}
		return truncate(string(value));
	}

	private String string(Object value) {
		if (value == null) {
			return "null";
		}
		try {
			String string = value.toString();
			return (string != null) ? string : "null";
		}
		catch (RuntimeException | StackOverflowError ex) {
			return "(unrenderable " + value.getClass().getName() + ")";
		}
	}

	/**
	 * Truncates a string to the maximum length.
	 * @param value the string
	 * @return the string, or its head followed by a truncation marker
	 */
	public String truncate(String value) {
		if (value.length() <= this.maxLength) {
			return value;
		}
		return value.substring(0, this.maxLength) + TRUNCATED;
	}

}
