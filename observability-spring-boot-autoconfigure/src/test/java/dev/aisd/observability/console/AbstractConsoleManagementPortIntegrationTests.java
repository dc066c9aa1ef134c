package dev.aisd.observability.console;

import java.net.http.HttpResponse;

import dev.aisd.observability.endpoint.EndpointHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end on a real server: with {@code management.server.port} the console, its
 * assets and its data move to the management port with the other endpoints, carry their
 * security headers there, and answer a repeated poll with 304. The subclasses choose
 * Spring MVC or WebFlux.
 */
abstract class AbstractConsoleManagementPortIntegrationTests {

	static final String CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void pageWhenManagementPortThenServedThereWithSecurityHeaders() {
		HttpResponse<String> page = get(this.managementPort, "/observability", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.body()).contains("<h1 id=\"service\">console-test</h1>")
			.contains("data-health-path=\"/health\"")
			.contains("data-scorecard-path=\"/observability/security/scorecard\"")
			// Excluded from exposure: the page does not offer it.
			.doesNotContain("data-traces-path");
	}

	@Test
	void pageWhenManagementPortThenNotOnApplicationPort() {
		assertThat(get(this.port, "/observability", null).statusCode()).isEqualTo(404);
		assertThat(get(this.port, "/observability?asset=console.js", null).statusCode()).isEqualTo(404);
		assertThat(get(this.port, "/ping", null).statusCode()).isEqualTo(200);
	}

	@Test
	void assetsWhenRequestedThenScriptAndStyleWithTheirTypes() {
		HttpResponse<String> script = get(this.managementPort, "/observability?asset=console.js", null);
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(script.body()).contains("textContent").doesNotContain("innerHTML");
		HttpResponse<String> style = get(this.managementPort, "/observability?asset=console.css", null);
		assertThat(style.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/css"));
	}

	@Test
	void dataWhenPolledAgainWithItsTagThenNotModified() {
		for (String data : new String[] { "latency", "health-history", "routes" }) {
			HttpResponse<String> first = get(this.managementPort, "/observability?data=" + data, null);
			assertThat(first.statusCode()).as(data).isEqualTo(200);
			assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/json"));
			String etag = first.headers().firstValue("ETag").orElseThrow();
			HttpResponse<String> second = get(this.managementPort, "/observability?data=" + data, etag);
			assertThat(second.statusCode()).as(data).isEqualTo(304);
			assertThat(second.body()).as(data).isEmpty();
		}
	}

	private static HttpResponse<String> get(int port, String path, String ifNoneMatch) {
		return EndpointHttp.getWithHeader(port, path, "If-None-Match", ifNoneMatch);
	}

	@RestController
	static class PingController {

		@GetMapping("/ping")
		String ping() {
			return "pong";
		}

	}

}
