package dev.aisd.observability.security;

import dev.aisd.observability.security.internal.StandaloneRegistry;

/**
 * Static access to the application's {@link SecurityMetricsCollector}, for code that
 * cannot have it injected (the seed's {@code get_security_metrics_collector()}).
 * <p>
 * Inside a Spring Boot application the starter installs its collector bean here, bound
 * to the application's {@code MeterRegistry}, so both ways reach the same collector.
 * Outside Spring, the first call creates a standalone collector with its own registry: a
 * {@code PrometheusMeterRegistry} when {@code micrometer-registry-prometheus} is on the
 * class path (scrape it with {@code ((PrometheusMeterRegistry) collector.registry()).scrape()}),
 * otherwise a {@code SimpleMeterRegistry}.
 *
 * @since 0.1.0
 */
public final class SecurityMetrics {

	private static volatile SecurityMetricsCollector collector;

	private SecurityMetrics() {
	}

	/**
	 * Return the installed collector, creating a standalone one on first use if none was
	 * installed.
	 * @return the collector, never {@code null}
	 */
	public static SecurityMetricsCollector getSecurityMetricsCollector() {
		SecurityMetricsCollector current = collector;
		if (current != null) {
			return current;
		}
		synchronized (SecurityMetrics.class) {
			if (collector == null) {
				collector = new SecurityMetricsCollector(StandaloneRegistry.create());
			}
			return collector;
		}
	}

	/**
	 * Install the collector that {@link #getSecurityMetricsCollector()} returns from now
	 * on, replacing any other (including a standalone one created earlier).
	 * @param securityMetricsCollector the collector, not {@code null}
	 */
	public static void setSecurityMetricsCollector(SecurityMetricsCollector securityMetricsCollector) {
		if (securityMetricsCollector == null) {
			throw new IllegalArgumentException("securityMetricsCollector must not be null; use reset() to clear it");
		}
		synchronized (SecurityMetrics.class) {
			collector = securityMetricsCollector;
		}
	}

	/**
	 * Forget the installed collector, so the next {@link #getSecurityMetricsCollector()}
	 * creates a standalone one. Meant for tests and for application shutdown.
	 */
	public static void reset() {
		synchronized (SecurityMetrics.class) {
			collector = null;
		}
	}

	/**
	 * Forget the installed collector only if it is the given one: an application context
	 * that closes must not uninstall the collector of another context that replaced it.
	 * @param securityMetricsCollector the collector to uninstall
	 * @return whether it was installed and is now forgotten
	 */
	public static boolean reset(SecurityMetricsCollector securityMetricsCollector) {
		synchronized (SecurityMetrics.class) {
			if (collector != null && collector == securityMetricsCollector) {
				collector = null;
				return true;
			}
			return false;
		}
	}

}
