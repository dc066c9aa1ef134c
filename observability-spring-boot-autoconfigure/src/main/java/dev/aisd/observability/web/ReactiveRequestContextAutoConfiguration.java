package dev.aisd.observability.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of the request context of WebFlux
 * applications: the request id, its propagation across threads, and the trace response
 * headers.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "observability.request-id.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RequestIdProperties.class)
public final class ReactiveRequestContextAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RequestIdWebFilter observabilityRequestIdWebFilter(RequestIdProperties properties) {
		return new RequestIdWebFilter(properties.getHeader(), true);
	}

}
