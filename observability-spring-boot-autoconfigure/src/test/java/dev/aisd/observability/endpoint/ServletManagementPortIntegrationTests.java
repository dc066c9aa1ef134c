package dev.aisd.observability.endpoint;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The endpoints on a separate management port of a real Spring MVC server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ServletManagementPortIntegrationTests.App.class,
		properties = { "spring.main.web-application-type=servlet", "spring.application.name=ops-test", "management.server.port=0",
				"observability.endpoints.web.exposure.exclude=traces", "management.otlp.metrics.export.enabled=false",
				"management.tracing.export.otlp.enabled=false" })
class ServletManagementPortIntegrationTests extends AbstractManagementPortIntegrationTests {

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration(excludeName = { EndpointTestApps.SECURITY, EndpointTestApps.SERVLET_SECURITY,
			EndpointTestApps.SERVLET_SECURITY_FILTER, EndpointTestApps.MANAGEMENT_SECURITY,
			EndpointTestApps.USER_DETAILS })
	@Import(EndpointTestApps.PingController.class)
	static class App {

	}

}
