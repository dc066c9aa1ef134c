package dev.aisd.observability.security.autoconfigure.internal;

import java.io.IOException;

import dev.aisd.observability.security.SecurityMetricsCollector;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Records a request that Spring Security's {@code HttpFirewall} rejected as
 * {@code security_suspicious_patterns_total{pattern_type}}, then lets the handler
 * Spring Security would have used answer it (by default a 400).
 */
public final class MetricsRequestRejectedHandler implements RequestRejectedHandler {

	private final SecurityMetricsCollector collector;

	private final RequestRejectedHandler delegate;

	/**
	 * Create a handler.
	 * @param collector the collector to record into
	 * @param delegate the handler that answers the rejected request
	 */
	public MetricsRequestRejectedHandler(SecurityMetricsCollector collector, RequestRejectedHandler delegate) {
		this.collector = collector;
		this.delegate = delegate;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException, ServletException {
		try {
			this.collector.recordSuspiciousPattern(FirewallRejections.patternType(requestRejectedException.getMessage()));
		}
		catch (RuntimeException ex) {
			// Recording must never change how the rejected request is answered.
		}
		this.delegate.handle(request, response, requestRejectedException);
	}

}
