package dev.aisd.observability.sample.security;

import java.util.Map;

import dev.aisd.observability.sample.security.IntrusionDetector.Rule;
import dev.aisd.observability.sample.security.RecentAttacks.Kind;
import dev.aisd.observability.sample.security.SensitiveDataDetector.Finding;
import dev.aisd.observability.security.SecurityMetricsCollector;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Inspects the query parameters of every guarded request, after the edge guard let it
 * through: an intrusion attempt (path traversal, command injection, SSRF, JNDI lookup)
 * is refused with 403 and recorded as an intrusion attempt, a firewall rule trigger and
 * a blocked attack; a card number or an e-mail address in the URL is refused with 400 and
 * recorded as a compliance violation (PCI-DSS, GDPR). Only the first
 * {@value #MAX_INSPECTED_PARAMETERS} parameter values are inspected, each up to
 * {@value IntrusionDetector#MAX_INSPECTED_LENGTH} characters.
 */
final class RequestInspector implements HandlerInterceptor {

	/** Parameters inspected per request. */
	static final int MAX_INSPECTED_PARAMETERS = 32;

	private final SecurityMetricsCollector collector;

	private final RecentAttacks recentAttacks;

	private final IntrusionDetector intrusionDetector = new IntrusionDetector();

	private final SensitiveDataDetector sensitiveDataDetector = new SensitiveDataDetector();

	RequestInspector(SecurityMetricsCollector collector, RecentAttacks recentAttacks) {
		this.collector = collector;
		this.recentAttacks = recentAttacks;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return true;
		}
		long start = System.nanoTime();
		Finding sensitive = null;
		int inspected = 0;
		parameters: for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			for (String value : parameter.getValue()) {
				if (inspected++ >= MAX_INSPECTED_PARAMETERS) {
					break parameters;
				}
				Rule rule = this.intrusionDetector.detect(value);
				if (rule != null) {
					blockIntrusion(rule, start);
					EdgeGuard.reject(response, HttpStatus.FORBIDDEN, "request blocked");
					return false;
				}
				if (sensitive == null) {
					sensitive = this.sensitiveDataDetector.detect(value);
				}
			}
		}
		this.collector.recordDetectionTime("request_inspection", (System.nanoTime() - start) / 1e9);
		if (sensitive != null) {
			this.collector.recordComplianceViolation(sensitive.standard(), sensitive.severity());
			EdgeGuard.reject(response, HttpStatus.BAD_REQUEST, "sensitive data must not be sent in a URL");
			return false;
		}
		return true;
	}

	private void blockIntrusion(Rule rule, long start) {
		double detectionSeconds = (System.nanoTime() - start) / 1e9;
		this.collector.recordDetectionTime("request_inspection", detectionSeconds);
		this.collector.recordIntrusionAttempt(rule.attackVector(), rule.severity());
		this.collector.recordWafRuleTrigger(rule.id(), rule.severity());
		this.collector.recordAttackBlocked(rule.attackVector(), rule.severity(), rule.score());
		this.collector.recordRiskScore("request_parameter", rule.score());
		this.collector.recordResponseTime(rule.attackVector(), (System.nanoTime() - start) / 1e9);
		this.recentAttacks.record(Kind.INTRUSION);
	}

}
