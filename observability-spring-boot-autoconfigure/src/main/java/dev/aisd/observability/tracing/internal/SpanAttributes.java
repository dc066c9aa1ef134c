package dev.aisd.observability.tracing.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable, ordered attributes of a {@link SpanRecord}. Values are {@link String},
 * {@link Long}, {@link Double} or {@link Boolean}.
 */
public final class SpanAttributes {

	/** Attributes of a span that has none. */
	public static final SpanAttributes EMPTY = new SpanAttributes(new String[0], new Object[0]);

	private final String[] keys;

	private final Object[] values;

	private SpanAttributes(String[] keys, Object[] values) {
		this.keys = keys;
		this.values = values;
	}

	/**
	 * Create attributes from parallel arrays; the arrays are copied when their length
	 * differs from {@code size}.
	 * @param keys the keys
	 * @param values the values
	 * @param size how many entries of the arrays are used
	 * @return the attributes
	 */
	static SpanAttributes of(String[] keys, Object[] values, int size) {
		if (size == 0) {
			return EMPTY;
		}
		if (size == keys.length && size == values.length) {
			return new SpanAttributes(keys, values);
		}
		return new SpanAttributes(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
	}

	/**
	 * Create attributes from a map (test and benchmark convenience).
	 * @param map the attributes, in iteration order
	 * @return the attributes
	 */
	public static SpanAttributes of(Map<String, ?> map) {
		String[] keys = new String[map.size()];
		Object[] values = new Object[map.size()];
		int i = 0;
		for (Map.Entry<String, ?> entry : map.entrySet()) {
			keys[i] = entry.getKey();
			values[i] = entry.getValue();
			i++;
		}
		return of(keys, values, i);
	}

	public int size() {
		return this.keys.length;
	}

	public String key(int index) {
		return this.keys[index];
	}

	public Object value(int index) {
		return this.values[index];
	}

	/**
	 * Return the value of an attribute.
	 * @param key the key
	 * @return the value or {@code null}
	 */
	public Object get(String key) {
		for (int i = 0; i < this.keys.length; i++) {
			if (this.keys[i].equals(key)) {
				return this.values[i];
			}
		}
		return null;
	}

	/**
	 * Return a copy as a map, in order.
	 * @return the attributes as a map
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < this.keys.length; i++) {
			map.put(this.keys[i], this.values[i]);
		}
		return map;
	}

	@Override
	public String toString() {
		return asMap().toString();
	}

}
