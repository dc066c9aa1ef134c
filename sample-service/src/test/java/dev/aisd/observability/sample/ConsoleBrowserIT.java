package dev.aisd.observability.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import dev.aisd.observability.sample.it.HeadlessChromium;
import dev.aisd.observability.tracing.TraceSpan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real headless Chromium drives the console page of the running sample service, logged
 * in as OPERATOR as the sample requires: the latency table lists the sample's routes, a
 * click on a bucket and then on a trace draws the waterfall of a nested {@link TraceSpan}
 * with all its spans and their attributes, a failing check turns red, a hostile span name
 * stays text, and the Content-Security-Policy is on the page.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.export.otlp.enabled=false", "observability.console.poll-interval=500ms",
				"sample.security.operator-password=" + ConsoleBrowserIT.OPERATOR_PASSWORD })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

	static final String OPERATOR_PASSWORD = "console-operator";

	static final String HOSTILE = "<img src=x onerror=alert(1)>";

	private static final String OPERATOR = "Basic "
			+ Base64.getEncoder().encodeToString(("operator:" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	private HeadlessChromium chromium;

	private String nestedTraceId;

	@BeforeAll
	void openConsole() throws Exception {
		for (String path : new String[] { "/api/items", "/api/items/1", "/api/items/2", "/api/items/1/price" }) {
			assertThat(send("GET", path).statusCode()).as(path).isEqualTo(200);
		}
		try (TraceSpan outer = TraceSpan.start("console.outer", Map.of("drill", "nested"))) {
			this.nestedTraceId = outer.traceId();
			try (TraceSpan first = TraceSpan.start("console.inner.first", Map.of("step", "1"))) {
				try (TraceSpan deepest = TraceSpan.start("console.inner.deepest", Map.of("step", "1.1"))) {
					// Three levels of nesting.
				}
			}
			try (TraceSpan second = TraceSpan.start("console.inner.second", Map.of("step", "2"))) {
				// A sibling.
			}
		}
		try (TraceSpan hostile = TraceSpan.start(HOSTILE, Map.of(HOSTILE, HOSTILE))) {
			// Only its name and attribute matter.
		}
		this.chromium = HeadlessChromium.start(1280, 1000);
		this.chromium.extraHeaders(Map.of("Authorization", OPERATOR));
		this.chromium.navigate(url("/observability"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.chromium.evaluate("document.readyState").asString().equals("complete"));
	}

	@AfterAll
	void closeBrowser() throws IOException {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	@Order(1)
	void latencyTableWhenSampleServedRequestsThenRowsForItsRoutes() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(names())
			.contains("http GET /api/items", "http GET /api/items/{id}", "http GET /api/items/{id}/price",
					"console.outer"));
		assertThat(this.chromium.evaluate("document.querySelector('#summary-health .status').textContent").asString())
			.isIn("ok", "degraded");
	}

	@Test
	@Order(2)
	void bucketThenTraceWhenClickedThenWaterfallWithEverySpanOfTheNestedTraceSpan() {
		await().atMost(Duration.ofSeconds(30)).until(() -> names().contains("console.outer"));
		this.chromium.evaluate("document.querySelector('tr[data-name=\"console.outer\"] button.cell').click()");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.chromium
			.evaluate("document.querySelectorAll('#cell-spans button.trace-link').length").asInt() > 0);
		assertThat(this.chromium.evaluate("document.querySelector('#cell-spans button.trace-link').textContent")
			.asString()).isEqualTo(this.nestedTraceId);
		this.chromium.evaluate("document.querySelector('#cell-spans button.trace-link').click()");
		await().atMost(Duration.ofSeconds(10)).until(
				() -> this.chromium.evaluate("document.querySelectorAll('#waterfall .span-row').length").asInt() > 0);
		assertThat(this.chromium.evaluate("document.querySelectorAll('#waterfall .span-row').length").asInt())
			.isEqualTo(4);
		assertThat(this.chromium
			.evaluate("Array.from(document.querySelectorAll('#waterfall .span-name')).map(e => e.textContent).join(',')")
			.asString()).isEqualTo("console.outer,console.inner.first,console.inner.deepest,console.inner.second");
		// Children are indented below their parents and their bars lie inside the parent's.
		assertThat(this.chromium.evaluate("Array.from(document.querySelectorAll('#waterfall .label'))"
				+ ".map(e => e.style.paddingLeft).join(',')").asString()).isEqualTo("0em,1.2em,2.4em,1.2em");
		this.chromium.evaluate("document.querySelectorAll('#waterfall .span-row')[2].click()");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.chromium
			.evaluate("document.querySelector('#span-detail').textContent")
			.asString()
			.contains("1.1"));
	}

	@Test
	@Order(3)
	void hostileSpanNameWhenShownThenTextAndNoScriptRuns() {
		await().atMost(Duration.ofSeconds(30)).until(() -> names().contains(HOSTILE));
		this.chromium.evaluate("document.querySelector('tr[data-name=\"" + HOSTILE.replace("\"", "\\\"")
				+ "\"] button.cell').click()");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.chromium
			.evaluate("document.querySelectorAll('#cell-spans button.trace-link').length").asInt() > 0);
		this.chromium.evaluate("document.querySelector('#cell-spans button.trace-link').click()");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.chromium
			.evaluate("document.querySelector('#waterfall .span-name') !== null && "
					+ "document.querySelector('#waterfall .span-name').textContent === " + jsString(HOSTILE))
			.asBoolean());
		this.chromium.evaluate("document.querySelector('#waterfall .span-row').click()");
		assertThat(this.chromium.evaluate("document.querySelectorAll('img').length").asInt()).isZero();
		assertThat(this.chromium.evaluate("document.querySelector('#span-detail').textContent").asString())
			.contains(HOSTILE);
		assertThat(this.chromium.evaluate("document.querySelectorAll('script:not([src])').length").asInt()).isZero();
		assertThat(this.chromium.events("Page.javascriptDialogOpening")).isEmpty();
	}

	@Test
	@Order(4)
	void failingCheckWhenDrilledThenRowTurnsRed() throws Exception {
		assertThat(send("POST", "/api/drills/health/database?fault=error").statusCode()).isEqualTo(200);
		try {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(text("tr[data-check=\"database\"] .status")).isEqualTo("error"));
			assertThat(this.chromium
				.evaluate("getComputedStyle(document.querySelector('tr[data-check=\"database\"] .status')).backgroundColor")
				.asString()).isEqualTo("rgb(207, 34, 46)");
			assertThat(this.chromium.evaluate("document.querySelector('#summary-health .status').textContent")
				.asString()).isEqualTo("error");
			// The transition is in the check's history.
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(text("tr[data-check=\"database\"] ul.history")).contains("error"));
		}
		finally {
			send("DELETE", "/api/drills/health/database");
		}
	}

	@Test
	@Order(5)
	void pageWhenServedThenStrictContentSecurityPolicy() throws Exception {
		HttpResponse<String> page = send("GET", "/observability");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
				"default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		// The browser enforces it: an inline script added now does not run.
		this.chromium.evaluate("(() => { const s = document.createElement('script'); "
				+ "s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); })()");
		assertThat(this.chromium.evaluate("window.inlineRan === true").asBoolean()).isFalse();
	}

	@Test
	@Order(6)
	void pageWhenAnonymousThenRefused() throws Exception {
		HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url("/observability"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(401);
	}

	private java.util.List<String> names() {
		JsonNode names = this.chromium
			.evaluate("Array.from(document.querySelectorAll('#traces-content tr[data-name]')).map(r => r.dataset.name)");
		java.util.List<String> result = new java.util.ArrayList<>();
		names.forEach((name) -> result.add(name.asString()));
		return result;
	}

	private String text(String selector) {
		JsonNode value = this.chromium
			.evaluate("(document.querySelector(" + jsString(selector) + ") || { textContent: null }).textContent");
		return value.isNull() ? null : value.asString();
	}

	private static String jsString(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Authorization", OPERATOR)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
