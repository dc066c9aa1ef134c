package dev.aisd.observability.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ResourceLoader;

/**
 * Starts small test applications the way a user's service starts, with logging
 * initialised from scratch even when an earlier test left a context running.
 */
public final class TestApplications {

	private TestApplications() {
	}

	public static ConfigurableApplicationContext run(Class<?> source, WebApplicationType type,
			ResourceLoader resourceLoader, String... properties) {
		// Spring Boot initialises logging once per JVM until the context that did it
		// closes; a cached context of another test class must not keep its set-up.
		LoggingSystem.get(TestApplications.class.getClassLoader()).cleanUp();
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("server.port", "0");
		defaults.put("management.otlp.metrics.export.enabled", "false");
		defaults.put("management.tracing.export.otlp.enabled", "false");
		defaults.put("management.tracing.sampling.probability", "1.0");
		// Spring Security is an optional dependency of the module; these tests are about
		// logs, not about a login page.
		defaults.put("spring.autoconfigure.exclude", String.join(",",
				"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(source).web(type).properties(defaults)
			.properties(properties);
		if (resourceLoader != null) {
			builder.resourceLoader(resourceLoader);
		}
		return builder.run();
	}

}
