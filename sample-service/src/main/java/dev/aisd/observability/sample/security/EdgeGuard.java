package dev.aisd.observability.sample.security;

import java.time.Duration;

import dev.aisd.observability.sample.security.RecentAttacks.Kind;
import dev.aisd.observability.security.SecurityMetricsCollector;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The edge protections every guarded request passes before its handler: refuse clients
 * blocked by a honeypot (403), note bots by their user agent, and apply the per-client
 * rate limit (429). The client is the request's remote address, which Boot resolves from
 * {@code X-Forwarded-For} only when the request comes from a trusted proxy. A client on
 * the loopback interface (an operator's curl, a load test, a test suite) is trusted
 * unless configured otherwise: it is never blocked or rate limited, though its honeypot
 * hits and bot user agents are still recorded.
 */
final class EdgeGuard implements HandlerInterceptor {

	/** Route label of a request no route matched. */
	static final String UNMATCHED = "unmatched";

	private final SecurityMetricsCollector collector;

	private final BlockedClients blockedClients;

	private final ClientRateLimiter rateLimiter;

	private final BotDetector botDetector = new BotDetector();

	private final RecentAttacks recentAttacks;

	private final String blockDurationLabel;

	private final boolean trustLoopback;

	EdgeGuard(SecurityMetricsCollector collector, BlockedClients blockedClients, ClientRateLimiter rateLimiter,
			RecentAttacks recentAttacks, Duration blockDuration, boolean trustLoopback) {
		this.collector = collector;
		this.blockedClients = blockedClients;
		this.rateLimiter = rateLimiter;
		this.recentAttacks = recentAttacks;
		this.blockDurationLabel = durationLabel(blockDuration);
		this.trustLoopback = trustLoopback;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String client = request.getRemoteAddr();
		boolean trusted = this.trustLoopback && isLoopback(client);
		if (!trusted && this.blockedClients.isBlocked(client)) {
			this.recentAttacks.record(Kind.BLOCKED_REQUEST);
			reject(response, HttpStatus.FORBIDDEN, "client blocked");
			return false;
		}
		double botScore = this.botDetector.score(request.getHeader("User-Agent"));
		if (botScore != BotDetector.NOT_A_BOT) {
			this.collector.recordThreatDetected("bot", "user_agent", botScore);
			this.recentAttacks.record(Kind.BOT);
		}
		if (!trusted && !this.rateLimiter.tryAcquire(client)) {
			Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			this.collector.recordRateLimitViolation((route != null) ? route.toString() : UNMATCHED, "per_client");
			this.recentAttacks.record(Kind.RATE_LIMIT);
			response.setHeader("Retry-After", "1");
			reject(response, HttpStatus.TOO_MANY_REQUESTS, "rate limit exceeded");
			return false;
		}
		return true;
	}

	/**
	 * Block a client that touched a honeypot.
	 * @param client the client address
	 * @param honeypotType the kind of honeypot
	 */
	void honeypotHit(String client, String honeypotType) {
		long start = System.nanoTime();
		this.recentAttacks.record(Kind.HONEYPOT);
		// No legitimate client asks for a honeypot path: every hit is a true positive.
		this.collector.recordDetectionResult("honeypot", true);
		if (this.trustLoopback && isLoopback(client)) {
			this.collector.recordHoneypotHit(honeypotType, "trusted");
			return;
		}
		int previousOffences = this.blockedClients.block(client);
		this.collector.recordHoneypotHit(honeypotType, (previousOffences > 0) ? "known_offender" : "unknown");
		this.collector.recordIpBlock("honeypot", this.blockDurationLabel);
		this.collector.updateBlockedIps("honeypot", this.blockedClients.blockedCount());
		this.collector.recordMitigationTime("honeypot", (System.nanoTime() - start) / 1e9);
	}

	static boolean isLoopback(String address) {
		return address != null && (address.startsWith("127.") || address.equals("::1")
				|| address.equals("0:0:0:0:0:0:0:1"));
	}

	int blockedClientCount() {
		return this.blockedClients.blockedCount();
	}

	static void reject(HttpServletResponse response, HttpStatus status, String error) throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"error\":\"" + error + "\"}");
	}

	static String durationLabel(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds > 0 && seconds % 3600 == 0) {
			return (seconds / 3600) + "h";
		}
		if (seconds > 0 && seconds % 60 == 0) {
			return (seconds / 60) + "m";
		}
		return seconds + "s";
	}

}
