package dev.aisd.observability.endpoint.security.reactive;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.boot.security.web.reactive.ApplicationContextServerWebExchangeMatcher;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import dev.aisd.observability.endpoint.ObservabilityEndpoints;

/**
 * Factory of Spring Security {@link ServerWebExchangeMatcher}s for the starter's
 * endpoints on WebFlux, in the manner of Spring Boot's reactive {@code EndpointRequest}:
 * the paths come from the application, and when {@code management.server.port}
 * separates a management port the matchers match exchanges on that port only (unless
 * {@code observability.endpoints.application-port} keeps a copy on the application
 * port).
 * <pre class="code">
 * http.authorizeExchange((exchanges) -&gt; exchanges
 *     .matchers(ObservabilityEndpointRequest.toProbes()).permitAll()
 *     .matchers(ObservabilityEndpointRequest.toAnyEndpoint()).hasRole("OPERATOR"));
 * </pre>
 *
 * @since 0.1.0
 */
public final class ObservabilityEndpointRequest {

	private ObservabilityEndpointRequest() {
	}

	/**
	 * Returns a matcher of every served endpoint.
	 * @return the matcher
	 */
	public static EndpointServerWebExchangeMatcher toAnyEndpoint() {
		return new EndpointServerWebExchangeMatcher(List.of(), List.of());
	}

	/**
	 * Returns a matcher of some endpoints.
	 * @param ids the endpoint ids, for example {@value ObservabilityEndpoints#TRACES}
	 * @return the matcher
	 */
	public static EndpointServerWebExchangeMatcher to(String... ids) {
		return new EndpointServerWebExchangeMatcher(List.of(ids), List.of());
	}

	/**
	 * Returns a matcher of the liveness and readiness probes.
	 * @return the matcher
	 */
	public static EndpointServerWebExchangeMatcher toProbes() {
		return to(ObservabilityEndpoints.LIVENESS, ObservabilityEndpoints.READINESS);
	}

	/**
	 * The matcher of endpoints, resolved against the application on first use.
	 */
	public static final class EndpointServerWebExchangeMatcher
			extends ApplicationContextServerWebExchangeMatcher<ApplicationContext> {

		private final List<String> includes;

		private final List<String> excludes;

		private volatile ServerWebExchangeMatcher delegate;

		private EndpointServerWebExchangeMatcher(List<String> includes, List<String> excludes) {
			super(ApplicationContext.class);
			this.includes = includes;
			this.excludes = excludes;
		}

		/**
		 * Returns a matcher that leaves some endpoints out.
		 * @param ids the endpoint ids
		 * @return a new matcher
		 */
		public EndpointServerWebExchangeMatcher excluding(String... ids) {
			List<String> excludes = new java.util.ArrayList<>(this.excludes);
			excludes.addAll(Arrays.asList(ids));
			return new EndpointServerWebExchangeMatcher(this.includes, List.copyOf(excludes));
		}

		/**
		 * Returns a matcher that leaves the probes out.
		 * @return a new matcher
		 */
		public EndpointServerWebExchangeMatcher excludingProbes() {
			return excluding(ObservabilityEndpoints.LIVENESS, ObservabilityEndpoints.READINESS);
		}

		@Override
		protected boolean ignoreApplicationContext(ApplicationContext context) {
			// Ignored unless this context serves the endpoints or is the management context that does.
			return !ObservabilityEndpoints.servedOnApplicationPort(context.getEnvironment())
					&& !hasServerNamespace(context, "management");
		}

		@Override
		protected Mono<MatchResult> matches(ServerWebExchange exchange, Supplier<ApplicationContext> context) {
			ServerWebExchangeMatcher matcher = this.delegate;
			if (matcher == null) {
				matcher = create(context.get());
				this.delegate = matcher;
			}
			return matcher.matches(exchange);
		}

		private ServerWebExchangeMatcher create(ApplicationContext context) {
			ObservabilityEndpoints endpoints = context.getBeanProvider(ObservabilityEndpoints.class).getIfAvailable();
			if (endpoints == null) {
				return (exchange) -> MatchResult.notMatch();
			}
			List<String> paths = endpoints.paths(this.includes, this.excludes);
			if (paths.isEmpty()) {
				return (exchange) -> MatchResult.notMatch();
			}
			return ServerWebExchangeMatchers.pathMatchers(paths.toArray(String[]::new));
		}

		@Override
		public String toString() {
			return "ObservabilityEndpointRequest [includes=" + this.includes + ", excludes=" + this.excludes + "]";
		}

	}

}
