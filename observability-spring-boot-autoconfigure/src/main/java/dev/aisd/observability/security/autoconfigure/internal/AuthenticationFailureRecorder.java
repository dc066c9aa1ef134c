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
		Authentication authentication = event.getAuthentication();
		Class<?> tokenType = (authentication != null) ? authentication.getClass() : null;
		String authMethod;
		HttpServletRequest request = SERVLET_PRESENT ? ServletRequests.current() : null;
		if (request != null) {
			authMethod = AuthenticationLabels.authMethod(tokenType, request.getHeader("Authorization"),
					request.getContentType(), true);
		}
		else {
			authMethod = AuthenticationLabels.authMethod(tokenType, null, null, false);
		}
		this.collector.recordAuthFailure(authMethod, AuthenticationLabels.failureReason(event.getClass()));
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
