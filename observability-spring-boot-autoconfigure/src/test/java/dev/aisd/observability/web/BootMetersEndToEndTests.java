package dev.aisd.observability.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.aisd.observability.testsupport.TestApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code observability.metrics.http.boot-meters=true} on a real server: Spring Boot's
 * {@code http_server_requests_seconds} meters are recorded beside ours, and operational
 * traffic is left out of both.
 */
class BootMetersEndToEndTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() {
		context = TestApplications.run(BootMetersApplication.class, WebApplicationType.SERVLET, null,
				"spring.application.name=boot-meters", "observability.metrics.http.boot-meters=true");
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void scrapeWhenBootMetersKeptThenBothFamiliesRecordApplicationRequestsOnly() throws Exception {
		assertThat(get("/api/search?q=x").statusCode()).isEqualTo(200);
		for (int i = 0; i < 20; i++) {
			assertThat(get("/health/live").statusCode()).isEqualTo(200);
		}
		String metrics = get("/metrics").body();
		assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/search\"[^}]*\\} 1")
			.containsPattern("http_requests_total\\{endpoint=\"/api/search\"[^}]*\\} 1")
			.doesNotContain("uri=\"/health/live\"")
			.doesNotContain("endpoint=\"/health/live\"");
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ServletRequestPathEndToEndTests.SearchController.class)
	static class BootMetersApplication {

	}

}
