package dev.aisd.observability.sample.security;

import java.util.UUID;

import dev.aisd.observability.endpoint.ObservabilityEndpoints;
import dev.aisd.observability.endpoint.security.servlet.ObservabilityEndpointRequest;
import dev.aisd.observability.sample.security.RecentAttacks.Kind;
import dev.aisd.observability.security.SecurityMetricsCollector;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Security and the edge protections of the sample. The account resources need a
 * login (HTTP Basic), the drill switches, the traces and the security scorecard role
 * OPERATOR (user {@code operator}); every other endpoint stays anonymous, and there is no
 * login page. CSRF protection is off for the stateless JSON API, which no browser session
 * reaches.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleSecurityProperties.class)
class SampleSecurityConfiguration {

	/** Paths the edge guard never touches: operations must work even for a blocked client. */
	// /api/ping is the benchmarks' endpoint: a load generator must measure the stack, not
	// the rate limit.
	private static final String[] UNGUARDED = { "/metrics", "/health", "/health/**", "/observability/**",
			"/actuator/**", "/api/drills/**", "/api/traffic/**", "/api/ping", "/error" };

	@Bean
	SecurityFilterChain sampleSecurityFilterChain(HttpSecurity http) throws Exception {
		// The recommended set-up of the starter's endpoints: probes, /metrics and /health
		// open (the kubelet and Prometheus carry no credentials; /health shows its check
		// details to operators only), traces and the scorecard behind role OPERATOR. The
		// matchers follow the configured paths and the management port.
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(ObservabilityEndpointRequest.toProbes(),
					ObservabilityEndpointRequest.to(ObservabilityEndpoints.METRICS, ObservabilityEndpoints.HEALTH))
			.permitAll()
			.requestMatchers(ObservabilityEndpointRequest.toAnyEndpoint())
			.hasRole("OPERATOR")
			// The drill switches pull the pod out of the load balancer: operators only.
			.requestMatchers("/api/drills/**")
			.hasRole("OPERATOR")
			.requestMatchers("/api/account", "/api/account/**")
			.authenticated()
			.requestMatchers("/api/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**"))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	@Bean
	PasswordEncoder samplePasswordEncoder() {
		// A low bcrypt cost: the traffic generator sends many failed logins and this is a
		// demo on a small machine. A real service keeps the default cost of 10 or more.
		return new BCryptPasswordEncoder(4);
	}

	@Bean
	InMemoryUserDetailsManager sampleUsers(SampleSecurityProperties properties, PasswordEncoder passwordEncoder) {
		String adminPassword = (properties.adminPassword() != null) ? properties.adminPassword()
				: UUID.randomUUID().toString();
		String operatorPassword = (properties.operatorPassword() != null) ? properties.operatorPassword()
				: UUID.randomUUID().toString();
		return new InMemoryUserDetailsManager(
				User.withUsername("demo").password(passwordEncoder.encode(properties.demoPassword())).roles("USER").build(),
				User.withUsername("admin").password(passwordEncoder.encode(adminPassword)).roles("ADMIN").build(),
				User.withUsername("operator")
					.password(passwordEncoder.encode(operatorPassword))
					.roles("OPERATOR")
					.build());
	}

	@Bean
	RecentAttacks sampleRecentAttacks() {
		return new RecentAttacks(System::nanoTime);
	}

	@Bean
	EdgeGuard sampleEdgeGuard(SecurityMetricsCollector collector, SampleSecurityProperties properties,
			RecentAttacks recentAttacks) {
		BlockedClients blockedClients = new BlockedClients(properties.blockDuration(),
				properties.maxTrackedClients(), System::nanoTime);
		ClientRateLimiter rateLimiter = new ClientRateLimiter(properties.rateLimitCapacity(),
				properties.rateLimitRefillPerSecond(), properties.maxTrackedClients(), System::nanoTime);
		return new EdgeGuard(collector, blockedClients, rateLimiter, recentAttacks, properties.blockDuration(),
				properties.trustLoopback());
	}

	@Bean
	BehaviourMonitor sampleBehaviourMonitor(SecurityMetricsCollector collector, SampleSecurityProperties properties,
			RecentAttacks recentAttacks) {
		ClientActivity activity = new ClientActivity(properties.behaviourWindow(), properties.burstRequests(),
				properties.burstErrors(), properties.enumerationLookups(), properties.maxTrackedClients(),
				System::nanoTime);
		return new BehaviourMonitor(collector, activity, recentAttacks);
	}

	@Bean
	RequestInspector sampleRequestInspector(SecurityMetricsCollector collector, RecentAttacks recentAttacks) {
		return new RequestInspector(collector, recentAttacks);
	}

	@Bean
	CaptchaChallenges sampleCaptchaChallenges(SampleSecurityProperties properties) {
		return new CaptchaChallenges(properties.captchaTtl(), properties.maxTrackedClients(), System::nanoTime);
	}

	@Bean
	WebMvcConfigurer sampleEdgeGuardRegistration(BehaviourMonitor behaviourMonitor, EdgeGuard edgeGuard,
			RequestInspector requestInspector) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				// In this order: the behaviour monitor sees every request and every answer,
				// including those the edge guard refuses; the inspector looks only at
				// requests the edge guard let through.
				registry.addInterceptor(behaviourMonitor).addPathPatterns("/**").excludePathPatterns(UNGUARDED);
				registry.addInterceptor(edgeGuard).addPathPatterns("/**").excludePathPatterns(UNGUARDED);
				registry.addInterceptor(requestInspector).addPathPatterns("/**").excludePathPatterns(UNGUARDED);
			}

		};
	}

	@Bean
	ApplicationListener<AbstractAuthenticationFailureEvent> sampleAuthenticationFailureListener(
			RecentAttacks recentAttacks) {
		// The starter already counts the failure; this only feeds the threat level.
		return (event) -> recentAttacks.record(Kind.AUTH_FAILURE);
	}

}
