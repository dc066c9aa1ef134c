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
 * @param trustLoopback whether clients on the loopback interface are exempt from blocks
 * and the rate limit (their honeypot hits and bot user agents are still recorded)
 */
@ConfigurationProperties("sample.security")
public record SampleSecurityProperties(@DefaultValue("20") int rateLimitCapacity,
		@DefaultValue("10") double rateLimitRefillPerSecond, @DefaultValue("10000") int maxTrackedClients,
		@DefaultValue("5m") Duration blockDuration, @DefaultValue("15s") Duration postureInterval,
		@DefaultValue("demo-password") String demoPassword, String adminPassword,
		@DefaultValue("true") boolean trustLoopback) {

}
