package dev.aisd.observability.endpoint;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The endpoints on a separate management port of a real WebFlux server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ReactiveManagementPortIntegrationTests.App.class,
		properties = { "spring.main.web-application-type=reactive", "spring.application.name=ops-test", "management.server.port=0",
				"observability.endpoints.web.exposure.exclude=traces", "management.otlp.metrics.export.enabled=false",
				"management.tracing.export.otlp.enabled=false", "spring.autoconfigure.exclude="
				+ "org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration" })
class ReactiveManagementPortIntegrationTests extends AbstractManagementPortIntegrationTests {

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = { EndpointTestApps.SECURITY, EndpointTestApps.REACTIVE_SECURITY,
			EndpointTestApps.REACTIVE_MANAGEMENT_SECURITY, EndpointTestApps.REACTIVE_USER_DETAILS })
	@Import(EndpointTestApps.PingController.class)
	static class App {

	}

}
