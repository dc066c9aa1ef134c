package dev.aisd.observability.metrics;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * End-to-end tests of the metrics on a real Spring MVC server with a separate management
 * port, the endpoints kept on the application port as well.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ServletMetricsIntegrationTests.TestApplication.class,
		properties = { "spring.application.name=metrics-test", "management.server.port=0", "observability.endpoints.application-port=true",
				"management.otlp.metrics.export.enabled=false", "management.tracing.export.otlp.enabled=false" })
class ServletMetricsIntegrationTests extends AbstractMetricsIntegrationTests {

	@MetricsTestApplication
	@Import(TestController.class)
	static class TestApplication {

	}

}
