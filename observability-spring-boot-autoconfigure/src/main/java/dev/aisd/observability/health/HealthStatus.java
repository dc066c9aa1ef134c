package dev.aisd.observability.health;

/**
 * Status of one health check and of the whole service, as {@code /health} reports it.
 *
 * @since 0.1.0
 */
public enum HealthStatus {

	/** Everything works. */
	OK("ok"),

	/** Works, but something is impaired. */
	DEGRADED("degraded"),

	/** Does not work. */
	ERROR("error");

	private final String value;

	HealthStatus(String value) {
		this.value = value;
	}

	/**
	 * Returns the lower-case name that the JSON payload and the metrics use.
	 * @return {@code ok}, {@code degraded} or {@code error}
	 */
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
