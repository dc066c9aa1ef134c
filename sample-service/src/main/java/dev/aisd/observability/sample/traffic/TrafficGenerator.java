package dev.aisd.observability.sample.traffic;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Sends a realistic mix of good and hostile requests to this service, so the metrics
 * and dashboards have something to show: browsing and searching customers, SQL
 * injection probes, scanners hitting honeypots, credential stuffing, scripted clients,
 * bursts that trip the rate limit, URLs the firewall rejects, intrusion probes (path
 * traversal, command injection, SSRF, JNDI lookups), bulk exports and id enumeration,
 * CAPTCHAs solved right and wrong, and card numbers or e-mail addresses sent in URLs.
 * Each simulated client has its own address, sent as {@code X-Forwarded-For} (the
 * service trusts it from the loopback proxy only).
 * <p>
 * This class drives: it runs one daemon thread from the moment the application is ready
 * until it shuts down, paces the scenarios at the configured rate and keeps the attack
 * spike, during which hostile scenarios only are sent, faster. What a scenario sends is
 * {@link TrafficScenarios}; how a request is sent is {@link TrafficRequests}.
 */
public final class TrafficGenerator implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(TrafficGenerator.class);

	private final TrafficProperties properties;

	private final RestClient.Builder restClientBuilder;

	private final String demoPassword;

	private final AtomicLong spikeUntilMillis = new AtomicLong();

	private final AtomicLong scenariosRun = new AtomicLong();

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
		String baseUrl = "http://127.0.0.1:" + this.port;
		RestClient client = this.restClientBuilder.clone().baseUrl(baseUrl).requestFactory(requestFactory).build();
		TrafficScenarios scenarios = new TrafficScenarios(new TrafficRequests(client, baseUrl), this.demoPassword,
				() -> this.running);
		this.running = true;
		Thread worker = new Thread(() -> run(scenarios), "sample-traffic-generator");
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
		return this.scenariosRun.get();
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

	private void run(TrafficScenarios scenarios) {
		long next = System.nanoTime();
		while (this.running && !Thread.currentThread().isInterrupted()) {
			boolean spike = isAttackSpike();
			try {
				scenarios.run(spike);
			}
			catch (RuntimeException ex) {
				// The service may be shutting down or overloaded; the next scenario tries again.
				logger.debug("Traffic scenario failed", ex);
			}
			this.scenariosRun.incrementAndGet();
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

}
