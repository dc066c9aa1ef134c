package dev.aisd.observability.sample.health;

import java.util.Locale;

/**
 * Faults a drill can switch on in a sample health check.
 */
public enum Fault {

	/** The check works. */
	NONE,

	/** The check reports unhealthy. */
	ERROR,

	/** The check throws an exception. */
	EXCEPTION,

	/** The check takes 1.5 s, within the default 2 s timeout. */
	SLOW,

	/** The check blocks until the fault is cleared; it times out and is interrupted. */
	HANG;

	/**
	 * Parses a fault name, case-insensitively.
	 * @param value the name
	 * @return the fault
	 * @throws IllegalArgumentException if there is no such fault
	 */
	public static Fault parse(String value) {
		return valueOf(value.trim().toUpperCase(Locale.ROOT));
	}

	/**
	 * Returns the lower-case name used in the drill API.
	 * @return the name
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
