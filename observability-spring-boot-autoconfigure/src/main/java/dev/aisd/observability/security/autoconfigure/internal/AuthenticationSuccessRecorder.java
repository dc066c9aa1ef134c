package dev.aisd.observability.security.autoconfigure.internal;

import dev.aisd.observability.security.SecurityMetricsCollector;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;

/**
 * Records every Spring Security authentication success event as
 * {@code security_auth_successes_total{auth_method}}: with the failures, the attempts
 * the authentication failure rate divides by. The method label is derived as for
 * failures, from the authentication's type and the current request.
 */
public final class AuthenticationSuccessRecorder implements ApplicationListener<AuthenticationSuccessEvent> {

	private final SecurityMetricsCollector collector;

	/**
	 * Create a recorder.
	 * @param collector the collector to record into
	 */
	public AuthenticationSuccessRecorder(SecurityMetricsCollector collector) {
		this.collector = collector;
	}

	@Override
	public void onApplicationEvent(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		this.collector.recordAuthSuccess(AuthenticationFailureRecorder.authMethodOf(authentication));
	}

}
