package dev.aisd.observability.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an open console tab authenticates in the sample: the first request of the page
 * checks the operator's password once and keeps the login in the HTTP session; the tab's
 * polls then carry the session cookie and are served without checking the password again
 * (counted on the real BCrypt encoder). The session authorizes only reads of the
 * observability endpoints: no write, and machine clients sending HTTP Basic never get one.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.tracing.export.otlp.enabled=false",
				"sample.security.operator-password=" + ConsoleSessionTests.PASSWORD,
				"sample.security.admin-password=" + ConsoleSessionTests.PASSWORD })
@Import(ConsoleSessionTests.CountingPasswordEncoderConfiguration.class)
class ConsoleSessionTests {

	static final String PASSWORD = "session-operator";

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	// No cookie handler: each test passes the cookie explicitly, as a browser would send it.
	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ServletWebServerApplicationContext context;

	@Autowired
	private PasswordChecks passwordChecks;

	@BeforeEach
	void resetCount() {
		this.passwordChecks.count.set(0);
	}

	@Test
	void consoleWhenLoggedInOnceThenPollsWithTheCookieSkipThePasswordCheck() throws Exception {
		HttpResponse<String> page = get("/observability", basic("operator"), null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(this.passwordChecks.count).hasValue(1);
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
		String session = session(cookie);
		// A browser sends its cached Basic credentials with the cookie; a script may send only the cookie.
		assertThat(get("/observability?data=poll", basic("operator"), session).statusCode()).isEqualTo(200);
		assertThat(get("/observability?data=poll", null, session).statusCode()).isEqualTo(200);
		assertThat(get("/observability/traces?limit=1", null, session).statusCode()).isEqualTo(200);
		assertThat(get("/observability/security/scorecard", basic("operator"), session).statusCode()).isEqualTo(200);
		assertThat(this.passwordChecks.count).hasValue(1);
	}

	@Test
	void consoleWhenAnonymousOrUnknownSessionThenUnauthorized() throws Exception {
		assertThat(get("/observability", null, null).statusCode()).isEqualTo(401);
		assertThat(get("/observability?data=poll", null, "0123456789ABCDEF0123456789ABCDEF").statusCode())
			.isEqualTo(401);
		HttpResponse<String> wrong = get("/observability", "Basic " + encode("operator:wrong"), null);
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void sessionWhenWriteRequestThenNotAuthorizedByTheCookie() throws Exception {
		String session = login();
		HttpResponse<String> drill = send(HttpRequest.newBuilder(uri("/api/drills/health/database?fault=error"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.header("Cookie", "JSESSIONID=" + session));
		assertThat(drill.statusCode()).isEqualTo(401);
		assertThat(get("/health/ready", null, null).statusCode()).as("the drill did not run").isEqualTo(200);
	}

	@Test
	void machineClientsWhenBasicThenStateless() throws Exception {
		for (String path : List.of("/metrics", "/observability/traces?limit=1", "/observability/security/scorecard")) {
			HttpResponse<String> response = get(path, basic("operator"), null);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
		assertThat(this.passwordChecks.count).as("each stateless request checks the password").hasValue(3);
	}

	@Test
	void sessionWhenExpiredThenUnauthorizedAndTheNextLoginChecksThePasswordAgain() throws Exception {
		String session = login();
		Session expiring = tomcatContext().getManager().findSession(session);
		assertThat(expiring).isNotNull();
		// What the container's background expiry does when the session times out.
		expiring.expire();
		assertThat(get("/observability?data=poll", null, session).statusCode()).isEqualTo(401);
		HttpResponse<String> again = get("/observability?data=poll", basic("operator"), session);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(this.passwordChecks.count).hasValue(2);
		assertThat(session(again.headers().firstValue("Set-Cookie").orElseThrow())).isNotEqualTo(session);
	}

	@Test
	void sessionWhenAnotherUserLogsInThenNewSessionIdAndTheOldOneIsVoid() throws Exception {
		String session = login();
		// admin authenticates (and lacks the role): a fresh login into the existing session.
		HttpResponse<String> other = get("/observability", basic("admin"), session);
		assertThat(other.statusCode()).isEqualTo(403);
		String rotated = session(other.headers().firstValue("Set-Cookie").orElseThrow());
		assertThat(rotated).isNotEqualTo(session);
		assertThat(get("/observability?data=poll", null, session).statusCode()).isEqualTo(401);
		assertThat(get("/observability?data=poll", null, rotated).statusCode()).isEqualTo(403);
	}

	private String login() throws Exception {
		HttpResponse<String> page = get("/observability", basic("operator"), null);
		assertThat(page.statusCode()).isEqualTo(200);
		return session(page.headers().firstValue("Set-Cookie").orElseThrow());
	}

	private Context tomcatContext() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		return (Context) server.getTomcat().getHost().findChildren()[0];
	}

	private static String session(String setCookie) {
		Matcher matcher = SESSION.matcher(setCookie);
		assertThat(matcher.find()).as(setCookie).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> get(String path, String authorization, String session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (session != null) {
			request.header("Cookie", "JSESSIONID=" + session);
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String basic(String user) {
		return "Basic " + encode(user + ":" + PASSWORD);
	}

	private static String encode(String credentials) {
		return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/** Counts the password checks of the sample's real encoder. */
	static final class PasswordChecks {

		final AtomicInteger count = new AtomicInteger();

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingPasswordEncoderConfiguration {

		@Bean
		static PasswordChecks passwordChecks() {
			return new PasswordChecks();
		}

		@Bean
		static BeanPostProcessor countingPasswordEncoder(ObjectProvider<PasswordChecks> checks) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof PasswordEncoder encoder)) {
						return bean;
					}
					return new PasswordEncoder() {

						@Override
						public String encode(CharSequence rawPassword) {
							return encoder.encode(rawPassword);
						}

						@Override
						public boolean matches(CharSequence rawPassword, String encodedPassword) {
							checks.getObject().count.incrementAndGet();
							return encoder.matches(rawPassword, encodedPassword);
						}

						@Override
						public boolean upgradeEncoding(String encodedPassword) {
							return encoder.upgradeEncoding(encodedPassword);
						}

					};
				}

			};
		}

	}

}
