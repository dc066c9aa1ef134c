package dev.aisd.observability.metrics;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * End-to-end tests of the metrics on a real WebFlux server with a separate management
 * port (Tomcat's management context is excluded because the test class path also holds
 * Tomcat, which a WebFlux application on Netty would not have).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ReactiveMetricsIntegrationTests.TestApplication.class,
		properties = { "spring.main.web-application-type=reactive",
				"spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration", "spring.application.name=metrics-test", "management.server.port=0", "observability.endpoints.application-port=true",
				"management.otlp.metrics.export.enabled=false", "management.tracing.export.otlp.enabled=false" })
class ReactiveMetricsIntegrationTests extends AbstractMetricsIntegrationTests {

	@MetricsTestApplication
	@Import(TestController.class)
	static class TestApplication {

	}

}
