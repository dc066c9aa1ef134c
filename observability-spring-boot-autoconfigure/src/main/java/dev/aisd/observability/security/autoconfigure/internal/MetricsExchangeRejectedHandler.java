package dev.aisd.observability.security.autoconfigure.internal;

import dev.aisd.observability.security.SecurityMetricsCollector;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Records an exchange that Spring Security's {@code ServerWebExchangeFirewall} rejected
 * as {@code security_suspicious_patterns_total{pattern_type}}, then lets the handler
 * Spring Security would have used answer it (by default a 400).
 */
public final class MetricsExchangeRejectedHandler implements ServerExchangeRejectedHandler {

	private final SecurityMetricsCollector collector;

	private final ServerExchangeRejectedHandler delegate;

	/**
	 * Create a handler.
	 * @param collector the collector to record into
	 * @param delegate the handler that answers the rejected exchange
	 */
	public MetricsExchangeRejectedHandler(SecurityMetricsCollector collector,
			ServerExchangeRejectedHandler delegate) {
		this.collector = collector;
		this.delegate = delegate;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException exception) {
		try {
			this.collector.recordSuspiciousPattern(FirewallRejections.patternType(exception.getMessage()));
		}
		catch (RuntimeException ex) {
			// Recording must never change how the rejected exchange is answered.
		}
		return this.delegate.handle(exchange, exception);
	}

}
