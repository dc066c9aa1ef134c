package dev.aisd.observability.sample.traffic;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The traffic generator, switched on by {@code sample.traffic.enabled=true}, and its
 * control endpoints under {@code /api/traffic}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sample.traffic.enabled")
@EnableConfigurationProperties(TrafficProperties.class)
class TrafficConfiguration {

	@Bean
	TrafficGenerator sampleTrafficGenerator(TrafficProperties properties, RestClient.Builder restClientBuilder,
			Environment environment) {
		return new TrafficGenerator(properties, restClientBuilder, environment);
	}

	/**
	 * {@code GET /api/traffic} tells what the generator does; {@code POST
	 * /api/traffic/attack-spike?seconds=N} starts an attack spike, {@code DELETE} ends it.
	 */
	@RestController
	@ConditionalOnBooleanProperty("sample.traffic.enabled")
	static class TrafficController {

		private final TrafficGenerator generator;

		TrafficController(TrafficGenerator generator) {
			this.generator = generator;
		}

		@GetMapping("/api/traffic")
		Map<String, Object> status() {
			Map<String, Object> status = new LinkedHashMap<>();
			status.put("running", this.generator.isRunning());
			status.put("attack_spike", this.generator.isAttackSpike());
			status.put("scenarios", this.generator.scenarioCount());
			return status;
		}

		@PostMapping("/api/traffic/attack-spike")
		Map<String, Object> startSpike(@RequestParam(defaultValue = "120") long seconds) {
			Instant until = this.generator.startAttackSpike(Math.min(seconds, 3600));
			return Map.of("attack_spike", true, "until", until.toString());
		}

		@DeleteMapping("/api/traffic/attack-spike")
		Map<String, Object> stopSpike() {
			this.generator.stopAttackSpike();
			return Map.of("attack_spike", false);
		}

	}

}
