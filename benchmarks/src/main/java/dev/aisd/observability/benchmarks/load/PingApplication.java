package dev.aisd.observability.benchmarks.load;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application of the end-to-end load runs: one endpoint answering a small JSON map,
 * like a real controller, so the run measures what the framework and the starter add to
 * a request. {@code load/ab.sh} starts it with and without the starter on the class
 * path, on Spring MVC or WebFlux ({@code spring.main.web-application-type}), and as the
 * do-it-yourself glue app, which logs one line per request itself
 * ({@code -Dping.log-per-request=true}).
 */
@SpringBootApplication
@RestController
public class PingApplication {

	private static final Logger logger = LoggerFactory.getLogger(PingApplication.class);

	private static final boolean LOG_PER_REQUEST = Boolean.getBoolean("ping.log-per-request");

	private static final Map<String, Object> PONG = Map.of("status", "ok", "service", "ping", "version", 1);

	@GetMapping("/api/ping")
	Map<String, Object> ping() {
		if (LOG_PER_REQUEST) {
			logger.info("Handled request");
		}
		return PONG;
	}

	public static void main(String[] args) {
		SpringApplication.run(PingApplication.class, args);
	}

}
