package dev.aisd.observability.endpoint.security.servlet;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.security.web.servlet.ApplicationContextRequestMatcher;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;

import dev.aisd.observability.endpoint.ObservabilityEndpoints;

/**
 * Factory of Spring Security {@link RequestMatcher}s for the starter's endpoints, in the
 * manner of Spring Boot's {@code EndpointRequest}: the paths come from the application
 * (so {@code observability.*.path} and {@code observability.endpoints.web.exposure.*} are
 * followed), and when {@code management.server.port} separates a management port the
 * matchers match requests on that port only (unless
 * {@code observability.endpoints.application-port} keeps a copy on the application
 * port).
 * <pre class="code">
 * http.authorizeHttpRequests((requests) -&gt; requests
 *     .requestMatchers(ObservabilityEndpointRequest.toProbes()).permitAll()
 *     .requestMatchers(ObservabilityEndpointRequest.toAnyEndpoint()).hasRole("OPERATOR"));
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
	public static EndpointRequestMatcher toAnyEndpoint() {
		return new EndpointRequestMatcher(List.of(), List.of());
	}

	/**
	 * Returns a matcher of some endpoints.
	 * @param ids the endpoint ids, for example {@value ObservabilityEndpoints#TRACES}
	 * @return the matcher
	 */
	public static EndpointRequestMatcher to(String... ids) {
		return new EndpointRequestMatcher(List.of(ids), List.of());
	}

	/**
	 * Returns a matcher of the liveness and readiness probes.
	 * @return the matcher
	 */
	public static EndpointRequestMatcher toProbes() {
		return to(ObservabilityEndpoints.LIVENESS, ObservabilityEndpoints.READINESS);
	}

	/**
	 * The matcher of endpoints, resolved against the application on first use.
	 */
	public static final class EndpointRequestMatcher extends ApplicationContextRequestMatcher<ApplicationContext> {

		private final List<String> includes;

		private final List<String> excludes;

		private volatile RequestMatcher delegate;

		private EndpointRequestMatcher(List<String> includes, List<String> excludes) {
			super(ApplicationContext.class);
			this.includes = includes;
			this.excludes = excludes;
		}

		/**
		 * Returns a matcher that leaves some endpoints out.
		 * @param ids the endpoint ids
		 * @return a new matcher
		 */
		public EndpointRequestMatcher excluding(String... ids) {
			List<String> excludes = new java.util.ArrayList<>(this.excludes);
			excludes.addAll(Arrays.asList(ids));
			return new EndpointRequestMatcher(this.includes, List.copyOf(excludes));
		}

		/**
		 * Returns a matcher that leaves the probes out.
		 * @return a new matcher
		 */
		public EndpointRequestMatcher excludingProbes() {
			return excluding(ObservabilityEndpoints.LIVENESS, ObservabilityEndpoints.READINESS);
		}

		@Override
		protected boolean ignoreApplicationContext(WebApplicationContext context) {
			// Ignored unless this context serves the endpoints or is the management context that does.
			return !ObservabilityEndpoints.servedOnApplicationPort(context.getEnvironment())
					&& !hasServerNamespace(context, "management");
		}

		@Override
		protected boolean matches(HttpServletRequest request, Supplier<ApplicationContext> context) {
			RequestMatcher matcher = this.delegate;
			if (matcher == null) {
				matcher = create(context.get());
				this.delegate = matcher;
			}
			return matcher.matches(request);
		}

		private RequestMatcher create(ApplicationContext context) {
			ObservabilityEndpoints endpoints = context.getBeanProvider(ObservabilityEndpoints.class).getIfAvailable();
			if (endpoints == null) {
				return (request) -> false;
			}
			List<String> paths = endpoints.paths(this.includes, this.excludes);
			if (paths.isEmpty()) {
				return (request) -> false;
			}
			PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
			return new OrRequestMatcher(paths.stream().map((path) -> (RequestMatcher) builder.matcher(path)).toList());
		}

		@Override
		public String toString() {
			return "ObservabilityEndpointRequest [includes=" + this.includes + ", excludes=" + this.excludes + "]";
		}

	}

}
