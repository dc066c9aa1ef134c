package dev.aisd.observability.sample.security;

import dev.aisd.observability.sample.security.ClientActivity.Finding;
import dev.aisd.observability.sample.security.RecentAttacks.Kind;
import dev.aisd.observability.security.SecurityMetricsCollector;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Watches each client's behaviour on the guarded paths, before any edge protection
 * answers, so refused requests count too: request bursts and error bursts are anomalies,
 * a client walking through item ids is a data exfiltration attempt. Nothing is refused
 * here; the rate limit and the blocks do that.
 */
final class BehaviourMonitor implements HandlerInterceptor {

	/** Route of a single-item lookup. */
	static final String ITEM_ROUTE = "/api/items/{id}";

	private final SecurityMetricsCollector collector;

	private final ClientActivity activity;

	private final RecentAttacks recentAttacks;

	BehaviourMonitor(SecurityMetricsCollector collector, ClientActivity activity, RecentAttacks recentAttacks) {
		this.collector = collector;
		this.activity = activity;
		this.recentAttacks = recentAttacks;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		record(this.activity.request(request.getRemoteAddr(), ITEM_ROUTE.equals(route)));
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		int status = (ex != null && response.getStatus() < 400) ? 500 : response.getStatus();
		record(this.activity.response(request.getRemoteAddr(), status));
	}

	private void record(Finding finding) {
		if (finding == null) {
			return;
		}
		switch (finding.kind()) {
			case REQUEST_BURST -> this.collector.recordAnomaly("request_burst", confidence(finding.score()),
					"request_rate", finding.score());
			case ERROR_BURST -> this.collector.recordAnomaly("error_burst", confidence(finding.score()), "error_rate",
					finding.score());
			case ENUMERATION -> {
				this.collector.recordExfiltrationAttempt("id_enumeration");
				this.recentAttacks.record(Kind.EXFILTRATION);
			}
		}
	}

	/**
	 * The confidence band of an anomaly score.
	 * @param score the score, 0..1
	 * @return {@code high} from 0.9, {@code medium} from 0.7, else {@code low}
	 */
	static String confidence(double score) {
		if (score >= 0.9) {
			return "high";
		}
		return (score >= 0.7) ? "medium" : "low";
	}

}
