package dev.aisd.observability.console;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The console on a separate management port of a real WebFlux server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		classes = ReactiveConsoleManagementPortIntegrationTests.App.class,
		properties = { "spring.main.web-application-type=reactive", "spring.application.name=console-test",
				"management.server.port=0", "observability.endpoints.web.exposure.exclude=traces",
				"management.otlp.metrics.export.enabled=false", "management.tracing.export.otlp.enabled=false",
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration" })
class ReactiveConsoleManagementPortIntegrationTests extends AbstractConsoleManagementPortIntegrationTests {

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
			"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
	@Import(PingController.class)
	static class App {

	}

}
