package dev.aisd.observability.console;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The console on a separate management port of a real Spring MVC server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		classes = ServletConsoleManagementPortIntegrationTests.App.class,
		properties = { "spring.main.web-application-type=servlet", "spring.application.name=console-test",
				"management.server.port=0", "observability.endpoints.web.exposure.exclude=traces",
				"management.otlp.metrics.export.enabled=false", "management.tracing.export.otlp.enabled=false" })
class ServletConsoleManagementPortIntegrationTests extends AbstractConsoleManagementPortIntegrationTests {

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
	@Import(PingController.class)
	static class App {

	}

}
