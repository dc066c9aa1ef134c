package dev.aisd.observability.sample.security;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.sample.security.RecentAttacks.Kind;
import dev.aisd.observability.security.SecurityMetricsCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Publishes the sample's security posture as gauges, at startup and then periodically:
 * the threat level and active threats from what the service saw recently, and the
 * figures a security team would feed from its tools (compliance audits, vulnerability
 * scans, red-team exercises), fixed here as a plausible example.
 */
@Component
class SecurityPosture implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SecurityPosture.class);

	/** Version of the WAF rule set of {@link SqlInjectionDetector}. */
	static final String WAF_POLICY_VERSION = "2026.11.1";

	private final SecurityMetricsCollector collector;

	private final RecentAttacks recentAttacks;

	private final EdgeGuard edgeGuard;

	private final SampleSecurityProperties properties;

	// Guarded by this.
	private int escalatedLevel;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "sample-security-posture");
		thread.setDaemon(true);
		return thread;
	});

	SecurityPosture(SecurityMetricsCollector collector, RecentAttacks recentAttacks, EdgeGuard edgeGuard,
			SampleSecurityProperties properties) {
		this.collector = collector;
		this.recentAttacks = recentAttacks;
		this.edgeGuard = edgeGuard;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		publishStaticPosture();
		refresh();
		long periodMillis = Math.max(1000, this.properties.postureInterval().toMillis());
		this.scheduler.scheduleWithFixedDelay(this::refreshSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

	private void publishStaticPosture() {
		this.collector.recordPolicyUpdate("waf", WAF_POLICY_VERSION);
		this.collector.updatePolicyVersion("waf", WAF_POLICY_VERSION);
		this.collector.updatePolicyVersion("rate_limit", "v3");
		this.collector.recordAuditEvent("configuration", "info");
	}

	/**
	 * Escalate an incident each time the threat level rises to a level not yet escalated,
	 * from {@code sample.security.escalation-level} on: to tier 2 while it is elevated
	 * (severity high), to tier 3 when it is critical (level 5). Once the level falls below
	 * the escalation level the incident is over, and the next rise escalates again.
	 * @param threatLevel the current threat level
	 */
	synchronized void escalate(int threatLevel) {
		int from = Math.max(1, this.properties.escalationLevel());
		if (threatLevel < from) {
			this.escalatedLevel = 0;
			return;
		}
		if (threatLevel > this.escalatedLevel) {
			boolean critical = threatLevel >= 5;
			this.collector.recordIncidentEscalation(critical ? "critical" : "high", critical ? "tier3" : "tier2");
			this.escalatedLevel = threatLevel;
		}
	}

	private void refreshSafely() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not refresh the security posture gauges", ex);
		}
	}

	void refresh() {
		SecurityMetricsCollector c = this.collector;
		int threatLevel = this.recentAttacks.threatLevel();
		c.updateThreatLevel(threatLevel);
		escalate(threatLevel);
		Map<Kind, Integer> recent = this.recentAttacks.countsWithin(RecentAttacks.WINDOW_SECONDS);
		c.updateActiveThreats("sql_injection", recent.get(Kind.SQL_INJECTION));
		c.updateActiveThreats("bot", recent.get(Kind.BOT));
		c.updateActiveThreats("scanner", recent.get(Kind.HONEYPOT));
		c.updateActiveThreats("credential_stuffing", recent.get(Kind.AUTH_FAILURE));
		c.updateActiveThreats("abusive_client", recent.get(Kind.RATE_LIMIT));
		c.updateQuarantinedRequests(recent.get(Kind.BLOCKED_REQUEST));
		int blocked = this.edgeGuard.blockedClientCount();
		c.updateBlockedIps("honeypot", blocked);
		c.updatePendingAlerts("critical", (threatLevel >= 4) ? 1 : 0);
		c.updatePendingAlerts("high", Math.min(blocked, 50));
		c.updatePendingAlerts("medium", (recent.get(Kind.SQL_INJECTION) > 0) ? 1 : 0);
		c.updatePendingAlerts("low", Math.min(recent.get(Kind.BOT), 20));

		// What a security team feeds from audits, scanners and exercises.
		c.updateComplianceScore("GDPR", 92.5);
		c.updateComplianceScore("SOC2", 88.0);
		c.updateComplianceScore("PCI-DSS", 95.0);
		c.updateVulnerabilityCount("critical", 0);
		c.updateVulnerabilityCount("high", 2);
		c.updateVulnerabilityCount("medium", 7);
		c.updateVulnerabilityCount("low", 15);
		c.updateDetectionCoverage("application", 97.0);
		c.updateDetectionCoverage("network", 92.0);
		c.updateDetectionCoverage("identity", 90.0);
		c.updateDetectionCoverage("endpoint", 85.0);
		c.updateResponseReadiness(88.0);
		c.updateDetectionRates("sql_injection", 97.5, 1.2);
		c.updateDetectionRates("bot", 91.0, 4.0);
		// From the incident reviews: seconds to detect, respond and remediate. Blocked SQL
		// injections feed their own rolling means (SearchController).
		c.updateMeanTimes("credential_stuffing", 45.0, 240.0, 540.0);
		c.updateActiveSessions("basic", 0);
	}

}
