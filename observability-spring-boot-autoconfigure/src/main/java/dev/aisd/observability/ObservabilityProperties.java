package dev.aisd.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties shared by every observability feature.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability")
public class ObservabilityProperties {

	/**
	 * Name of this service in logs, metrics, spans and health. Defaults to
	 * 'spring.application.name', then to the SERVICE_NAME environment variable.
	 */
	private String serviceName;

	public String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(String serviceName) {
		this.serviceName = serviceName;
	}

}
