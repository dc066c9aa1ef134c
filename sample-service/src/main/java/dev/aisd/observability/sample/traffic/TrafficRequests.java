package dev.aisd.observability.sample.traffic;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The requests the traffic generator's scenarios send: each kind of call this service
 * answers, from one client address ({@code X-Forwarded-For}) and user agent. It only
 * sends; which requests make up a scenario is {@link TrafficScenarios}' business.
 */
final class TrafficRequests {

	/** The user agent of an ordinary browser. */
	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/131.0 Safari/537.36";

	private static final Pattern CAPTCHA_TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

	private static final Pattern CAPTCHA_QUESTION = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

	private final RestClient client;

	private final String baseUrl;

	/**
	 * Create the requests of one client.
	 * @param client the client, its base URL set to the service
	 * @param baseUrl the same base URL, for paths that must not be expanded as templates
	 */
	TrafficRequests(RestClient client, String baseUrl) {
		this.client = client;
		this.baseUrl = baseUrl;
	}

	void get(String path, String clientIp, String userAgent) {
		// A URI, not a template: the hostile paths must reach the service exactly as written.
		send(this.client.get().uri(URI.create(this.baseUrl + path)).headers(sentBy(clientIp, userAgent)));
	}

	void getWithParameter(String path, String name, String value, String clientIp, String userAgent) {
		send(this.client.get().uri(path + "?" + name + "={value}", value).headers(sentBy(clientIp, userAgent)));
	}

	void search(String query, String clientIp, String userAgent) {
		send(this.client.get().uri("/api/search?q={q}", query).headers(sentBy(clientIp, userAgent)));
	}

	void login(String username, String password, String clientIp, boolean json) {
		RestClient.RequestBodySpec request = this.client.post().uri("/api/login").headers(sentBy(clientIp, BROWSER));
		if (json) {
			request.contentType(MediaType.APPLICATION_JSON)
				.body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
		}
		else {
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body("username=" + username + "&password=" + password);
		}
		send(request);
	}

	void basic(String path, String username, String password, String clientIp) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		send(this.client.get().uri(path).headers(sentBy(clientIp, BROWSER)).header(HttpHeaders.AUTHORIZATION,
				"Basic " + credentials));
	}

	/**
	 * Ask for a CAPTCHA and answer it: rightly when {@code solve}, else with a wrong
	 * answer, or now and then a token that was never issued.
	 */
	void captcha(String clientIp, String userAgent, boolean solve, ThreadLocalRandom random) {
		String challenge = this.client.post().uri("/api/captcha/challenge").headers(sentBy(clientIp, userAgent))
			.exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
					? new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8) : null);
		if (challenge == null) {
			return;
		}
		Matcher token = CAPTCHA_TOKEN.matcher(challenge);
		Matcher question = CAPTCHA_QUESTION.matcher(challenge);
		if (!token.find() || !question.find()) {
			return;
		}
		int answer = Integer.parseInt(question.group(1)) + Integer.parseInt(question.group(2));
		if (!solve) {
			answer += random.nextInt(1, 5);
		}
		String sentToken = (!solve && random.nextInt(10) == 0) ? "00000000-0000-0000-0000-000000000000"
				: token.group(1);
		send(this.client.post().uri("/api/captcha/verify").headers(sentBy(clientIp, userAgent))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"token\":\"" + sentToken + "\",\"answer\":\"" + answer + "\"}"));
	}

	/** The simulated client's address (trusted from the loopback proxy) and user agent. */
	private static Consumer<HttpHeaders> sentBy(String clientIp, String userAgent) {
		return (headers) -> {
			headers.add("X-Forwarded-For", clientIp);
			headers.add(HttpHeaders.USER_AGENT, userAgent);
		};
	}

	/** Send and read only the status: the generator wants the service's side effects. */
	private static void send(RestClient.RequestHeadersSpec<?> request) {
		request.exchange((req, response) -> response.getStatusCode().value());
	}

}
