package dev.aisd.observability.security.autoconfigure.internal;

import dev.aisd.observability.security.SecurityMetrics;
import dev.aisd.observability.security.SecurityMetricsCollector;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Makes the application's collector the one {@link SecurityMetrics} hands out, for code
 * that cannot inject it, and takes it back when the application context closes (so a
 * closed context's registry is not written to any more).
 */
public final class SecurityMetricsInstaller implements InitializingBean, DisposableBean {

	private final SecurityMetricsCollector collector;

	/**
	 * Create an installer.
	 * @param collector the collector of the application
	 */
	public SecurityMetricsInstaller(SecurityMetricsCollector collector) {
		this.collector = collector;
	}

	@Override
	public void afterPropertiesSet() {
		SecurityMetrics.setSecurityMetricsCollector(this.collector);
	}

	@Override
	public void destroy() {
		SecurityMetrics.reset(this.collector);
	}

}
