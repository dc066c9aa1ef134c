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
		// Spring Boot copies logging properties to system properties only when they are
		// unset, so the first application of the JVM would otherwise choose for all.
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
		System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
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
		if (resourceLoader == null) {
			return builder.run();
		}
		builder.resourceLoader(resourceLoader);
		// Spring Boot finds the logback file with the application's class loader but
		// reads it with the thread context class loader.
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		thread.setContextClassLoader(resourceLoader.getClassLoader());
		try {
			return builder.run();
		}
		finally {
			thread.setContextClassLoader(original);
		}
	}

}
