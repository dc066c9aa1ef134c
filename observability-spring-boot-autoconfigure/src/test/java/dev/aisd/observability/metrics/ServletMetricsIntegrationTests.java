package dev.aisd.observability.metrics;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the metrics on a real Spring MVC server with a separate management
 * port, the endpoints kept on the application port as well.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = ServletMetricsIntegrationTests.TestApplication.class,
		properties = { "spring.application.name=metrics-test", "management.server.port=0", "observability.endpoints.application-port=true",
				"management.otlp.metrics.export.enabled=false", "management.tracing.export.otlp.enabled=false" })
class ServletMetricsIntegrationTests extends AbstractMetricsIntegrationTests {

	@Test
	void scrapeThenTomcatSessionGaugesAreBound() {
		assertThat(scrape(this.port).names()).contains("tomcat_sessions_active_current_sessions",
				"tomcat_sessions_active_max_sessions", "tomcat_sessions_alive_max_seconds",
				"tomcat_sessions_created_sessions_total", "tomcat_sessions_expired_sessions_total",
				"tomcat_sessions_rejected_sessions_total");
	}

	@MetricsTestApplication
	@Import(TestController.class)
	static class TestApplication {

	}

}
