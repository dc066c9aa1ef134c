package dev.aisd.observability.security.autoconfigure.internal;

import dev.aisd.observability.security.SecurityMetricsCollector;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records every Spring Security authentication failure event as
 * {@code security_auth_failures_total{auth_method,failure_reason}}.
 */
public final class AuthenticationFailureRecorder implements ApplicationListener<AbstractAuthenticationFailureEvent> {

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			AuthenticationFailureRecorder.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.web.context.request.RequestContextHolder",
					AuthenticationFailureRecorder.class.getClassLoader());

	private final SecurityMetricsCollector collector;

	/**
	 * Create a recorder.
	 * @param collector the collector to record into
	 */
	public AuthenticationFailureRecorder(SecurityMetricsCollector collector) {
		this.collector = collector;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationFailureEvent event) {
		this.collector.recordAuthFailure(authMethodOf(event.getAuthentication()),
				AuthenticationLabels.failureReason(event.getClass()));
	}

	static String authMethodOf(Authentication authentication) {
		Class<?> tokenType = (authentication != null) ? authentication.getClass() : null;
		HttpServletRequest request = SERVLET_PRESENT ? ServletRequests.current() : null;
		if (request != null) {
			return AuthenticationLabels.authMethod(tokenType, request.getHeader("Authorization"),
					request.getContentType(), true);
		}
		return AuthenticationLabels.authMethod(tokenType, null, null, false);
	}

	/**
	 * Kept apart so the Servlet API is only touched when it is present.
	 */
	static final class ServletRequests {

		private ServletRequests() {
		}

		static HttpServletRequest current() {
			RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
			return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
		}

	}

}
