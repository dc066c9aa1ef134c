package dev.aisd.observability.sample.traffic;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in traffic generator.
 *
 * @param enabled whether the generator sends traffic to this service once it is ready
 * @param rate scenarios started per second (a scenario is one request, or a short
 * sequence: a burst, a walk through item ids, a CAPTCHA challenge and its answer)
 * @param attackSpike whether to start in attack-spike mode: hostile scenarios only, at
 * {@code spikeMultiplier} times the rate, until the spike is switched off
 * @param spikeMultiplier how many times faster the generator runs during a spike
 * @param requestTimeout how long one request may take before it is abandoned
 */
@ConfigurationProperties("sample.traffic")
public record TrafficProperties(@DefaultValue("false") boolean enabled, @DefaultValue("5") double rate,
		@DefaultValue("false") boolean attackSpike, @DefaultValue("4") int spikeMultiplier,
		@DefaultValue("5s") Duration requestTimeout) {

}
