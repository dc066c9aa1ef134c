package dev.aisd.observability.sample.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sample's edge protections.
 *
 * @param rateLimitCapacity requests a client may send at once before the per-client
 * rate limit answers 429
 * @param rateLimitRefillPerSecond requests per second a client regains
 * @param maxTrackedClients most clients whose rate-limit buckets and blocks are kept
 * @param blockDuration how long a client that touched a honeypot stays blocked
 * @param postureInterval how often the security posture gauges are refreshed
 * @param demoPassword password of the user 'demo' (role USER)
 * @param adminPassword password of the user 'admin' (role ADMIN); random when unset
 * @param operatorPassword password of the user 'operator' (role OPERATOR: drill switches,
 * traces, scorecard and the check details of /health); random when unset
 * @param trustLoopback whether clients on the loopback interface are exempt from blocks
 * and the rate limit (their honeypot hits and bot user agents are still recorded)
 * @param behaviourWindow length of the per-client window of the behaviour detector
 * @param burstRequests requests of one client within a window that make a request-burst
 * anomaly
 * @param burstErrors error answers (status 400 and above, at least half of its requests)
 * to one client within a window that make an error-burst anomaly
 * @param enumerationLookups single-item lookups of one client within a window that make
 * a data exfiltration attempt (id enumeration)
 * @param maxExportRows most rows one export request may ask for; more is refused as a
 * data exfiltration attempt
 * @param captchaTtl how long a CAPTCHA challenge may be answered
 * @param escalationLevel threat level (0..5) from which a rise of the level is escalated
 * as an incident
 */
@ConfigurationProperties("sample.security")
public record SampleSecurityProperties(@DefaultValue("20") int rateLimitCapacity,
		@DefaultValue("10") double rateLimitRefillPerSecond, @DefaultValue("10000") int maxTrackedClients,
		@DefaultValue("5m") Duration blockDuration, @DefaultValue("15s") Duration postureInterval,
		@DefaultValue("demo-password") String demoPassword, String adminPassword, String operatorPassword,
		@DefaultValue("true") boolean trustLoopback, @DefaultValue("10s") Duration behaviourWindow,
		@DefaultValue("30") int burstRequests, @DefaultValue("10") int burstErrors,
		@DefaultValue("15") int enumerationLookups, @DefaultValue("100") int maxExportRows,
		@DefaultValue("2m") Duration captchaTtl, @DefaultValue("3") int escalationLevel) {

}
