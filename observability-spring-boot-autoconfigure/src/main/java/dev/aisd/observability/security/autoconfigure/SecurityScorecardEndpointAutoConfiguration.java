package dev.aisd.observability.security.autoconfigure;

import java.time.Clock;
import java.time.Instant;

import dev.aisd.observability.endpoint.EndpointHandler;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;
import dev.aisd.observability.endpoint.ObservabilityEndpoints;
import dev.aisd.observability.security.SecurityKpis;
import dev.aisd.observability.security.SecurityMetricsCollector;
import dev.aisd.observability.security.autoconfigure.internal.ScorecardJson;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of {@code GET
 * /observability/security/scorecard}: the scorecard of the live KPIs
 * ({@link SecurityMetricsCollector#currentKpis()}) as JSON, an
 * {@link ObservabilityEndpoint} served like the others on Spring MVC and WebFlux.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SecurityMetricsAutoConfiguration.class)
@ConditionalOnBean(SecurityMetricsCollector.class)
@ConditionalOnBooleanProperty(name = "observability.security-metrics.scorecard-enabled", matchIfMissing = true)
@ConditionalOnWebApplication
public final class SecurityScorecardEndpointAutoConfiguration {

	/** Name of the endpoint bean, for a user who wants to replace it. */
	public static final String ENDPOINT_BEAN_NAME = "observabilityScorecardEndpoint";

	static byte[] scorecard(SecurityMetricsCollector collector) {
		SecurityKpis kpis = collector.currentKpis();
		return ScorecardJson.render(collector.generateScorecard(kpis), kpis, Instant.now(Clock.systemUTC()));
	}

	@Bean(ENDPOINT_BEAN_NAME)
	@ConditionalOnMissingBean(name = ENDPOINT_BEAN_NAME)
	ObservabilityEndpoint observabilityScorecardEndpoint(SecurityMetricsCollector collector,
			SecurityMetricsProperties properties) {
		return new ObservabilityEndpoint(ObservabilityEndpoints.SCORECARD, properties.getScorecardPath(),
				EndpointHandler.immediate((call) -> EndpointResponse.json(200, scorecard(collector)).noStore()));
	}

}
