package dev.aisd.observability.tracing.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Makes Zipkin export opt-in like OTLP export: the starter ships the Zipkin exporter, and
 * Spring Boot would otherwise send every sampled span to {@code localhost:9411} and log a
 * failure per batch when nothing listens there. Unless
 * {@code management.tracing.export.zipkin.endpoint} or
 * {@code management.tracing.export.zipkin.enabled} is set, this adds the lowest-priority
 * default {@code management.tracing.export.zipkin.enabled=false}.
 */
class ZipkinExportEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String ENDPOINT = "management.tracing.export.zipkin.endpoint";

	static final String ENABLED = "management.tracing.export.zipkin.enabled";

	static final String SOURCE_NAME = "observabilityZipkinExportDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClassUtils.isPresent("io.opentelemetry.exporter.zipkin.ZipkinSpanExporter",
				application.getClassLoader())) {
			return;
		}
		if (environment.containsProperty(ENDPOINT) || environment.containsProperty(ENABLED)) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(ENABLED, "false")));
	}

}
