package dev.aisd.observability.sample.security;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.aisd.observability.endpoint.ObservabilityEndpoints;
import dev.aisd.observability.endpoint.security.servlet.ObservabilityEndpointRequest;
import dev.aisd.observability.sample.security.RecentAttacks.Kind;
import dev.aisd.observability.security.SecurityMetricsCollector;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring Security and the edge protections of the sample. The account resources need a
 * login (HTTP Basic), the drill switches, the traces and the security scorecard role
 * OPERATOR (user {@code operator}); every other endpoint stays anonymous, and there is no
 * login page. A login to the console is kept in the HTTP session so that an open tab's
 * polls skip the password check; that session authorizes only reads of the observability
 * endpoints, so CSRF protection is off for the stateless JSON API, which no browser session
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
		SecurityContextRepository logins = sampleLogins();
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
			.httpBasic((basic) -> basic.securityContextRepository(logins))
			.securityContext((context) -> context.securityContextRepository(logins))
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**"))
			// Sessions only as the console repository creates them: the API stays stateless.
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.requestCache((cache) -> cache.disable());
		return http.build();
	}

	/**
	 * Where logins are kept: for the request itself always, and in the HTTP session for a
	 * console tab, so that its polls are not each checked against the BCrypt hash.
	 * @return the repository
	 */
	private static SecurityContextRepository sampleLogins() {
		RequestMatcher reads = new AndRequestMatcher(SampleSecurityConfiguration::isRead,
				ObservabilityEndpointRequest.toAnyEndpoint());
		RequestMatcher consoleReads = new AndRequestMatcher(SampleSecurityConfiguration::isRead,
				ObservabilityEndpointRequest.to(ObservabilityEndpoints.CONSOLE));
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new ConsoleSessionContextRepository(reads, consoleReads));
	}

	private static boolean isRead(HttpServletRequest request) {
		return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
	}

	@Bean
	CookieSameSiteSupplier sampleSessionCookieSameSite() {
		// The session cookie authorizes reads of the observability endpoints only; not sending
		// it with requests from other sites at all keeps even those from being made in an
		// operator's name.
		return CookieSameSiteSupplier.ofStrict().whenHasName("JSESSIONID");
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
