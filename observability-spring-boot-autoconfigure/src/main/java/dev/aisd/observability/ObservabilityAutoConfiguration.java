package dev.aisd.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link AutoConfiguration Auto-configuration} of what every observability feature
 * shares: the {@link ServiceName}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@EnableConfigurationProperties(ObservabilityProperties.class)
public final class ObservabilityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceName observabilityServiceName(ObservabilityProperties properties, Environment environment) {
		return ServiceName.resolve(properties.getServiceName(), environment);
	}

}
