package dev.aisd.observability.security;

/**
 * Receives every security event the {@link SecurityMetricsCollector} records (attacks,
 * threats, failed logins, denials, honeypot hits, ...), after its meters are updated:
 * the hook that turns the catalogue into a security log. Set it with
 * {@link SecurityMetricsOptions#withEventListener(SecurityEventListener)}; the
 * Spring Boot starter installs one that writes a JSON log line per event.
 * <p>
 * Called on the recording thread; it must be fast and thread-safe. An exception it
 * throws never reaches the recording code: it is counted in
 * {@code security_metrics_rejected_inputs_total{reason="listener_failed"}}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SecurityEventListener {

	/**
	 * Handle one recorded security event.
	 * @param event the event
	 */
	void onSecurityEvent(SecurityEvent event);

}
