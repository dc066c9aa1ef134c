package dev.aisd.observability.benchmarks.load;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application of the end-to-end load runs: one trivial endpoint, so the run
 * measures what the framework and the starter add to a request. {@code load/ab.sh}
 * starts it with and without the starter on the classpath.
 */
@SpringBootApplication
@RestController
public class PingApplication {

	@GetMapping("/api/ping")
	String ping() {
		return "pong";
	}

	public static void main(String[] args) {
		SpringApplication.run(PingApplication.class, args);
	}

}
