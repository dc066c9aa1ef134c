package dev.aisd.observability.security.autoconfigure.internal;

import dev.aisd.observability.security.SecurityMetricsCollector;
import dev.aisd.observability.web.internal.ServerSpanThreadLocalAccessor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationObservationContext;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationObservationContext;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Records WebFlux authentication failures and successes and authorization denials from
 * Spring Security's own observations. Reactive Spring Security publishes no
 * authentication or authorization events; it does wrap its reactive authentication and
 * authorization managers in observations whenever an {@code ObservationRegistry} is in
 * use, and this handler (registered in that registry) reads their outcome. Labels are
 * those of the Servlet recorders: the authentication method from the token type and the
 * request's {@code Authorization} and content-type headers, the failure reason from the
 * exception as Spring Security would name its failure event, the resource as the route
 * template and the action as the HTTP method. Servlet-side observations are ignored
 * (their events are recorded by the event listeners).
 */
public final class ReactiveSecurityObservationRecorder implements ObservationHandler<Observation.Context> {

	private final SecurityMetricsCollector collector;

	private final ReactiveRouteResolver routes;

	/**
	 * Create a recorder.
	 * @param collector the collector to record into
	 * @param routes resolves route templates of exchanges
	 */
	public ReactiveSecurityObservationRecorder(SecurityMetricsCollector collector, ReactiveRouteResolver routes) {
		this.collector = collector;
		this.routes = routes;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof AuthenticationObservationContext
				|| context instanceof AuthorizationObservationContext<?>;
	}

	@Override
	public void onStop(Observation.Context context) {
		if (context instanceof AuthenticationObservationContext authentication) {
			authenticated(authentication);
		}
		else if (context instanceof AuthorizationObservationContext<?> authorization
				&& authorization.getObject() instanceof ServerWebExchange exchange) {
			authorized(authorization, exchange);
		}
	}

	private void authenticated(AuthenticationObservationContext context) {
		Class<?> manager = context.getAuthenticationManagerClass();
		if (manager == null || !ReactiveAuthenticationManager.class.isAssignableFrom(manager)) {
			return;
		}
		Throwable error = context.getError();
		if (error instanceof AuthenticationException failure) {
			this.collector.recordAuthFailure(authMethod(context, context.getAuthenticationRequest()),
					failureReason(failure));
		}
		else if (error == null && context.getAuthenticationResult() != null
				&& context.getAuthenticationResult().isAuthenticated()) {
			this.collector.recordAuthSuccess(authMethod(context, context.getAuthenticationRequest()));
		}
	}

	private void authorized(AuthorizationObservationContext<?> context, ServerWebExchange exchange) {
		AuthorizationResult result = context.getAuthorizationResult();
		boolean denied = (result != null) ? !result.isGranted() : context.getError() instanceof AccessDeniedException;
		if (denied) {
			String route = this.routes.resolve(exchange);
			this.collector.recordAuthzDenial((route != null) ? route : AuthorizationDenialRecorder.UNMATCHED,
					AuthorizationDenialRecorder.httpMethod(exchange.getRequest().getMethod().name()));
		}
	}

	private static String authMethod(Observation.Context context, Authentication request) {
		Class<?> tokenType = (request != null) ? request.getClass() : null;
		ServerHttpRequest http = request(context);
		if (http != null) {
			HttpHeaders headers = http.getHeaders();
			return AuthenticationLabels.authMethod(tokenType, headers.getFirst(HttpHeaders.AUTHORIZATION),
					headers.getFirst(HttpHeaders.CONTENT_TYPE), true);
		}
		return AuthenticationLabels.authMethod(tokenType, null, null, false);
	}

	/**
	 * Return the request of the HTTP server observation this one runs in or, where the
	 * starter's server span filter replaces that observation, of the exchange whose server
	 * span is current, if any.
	 */
	private static ServerHttpRequest request(Observation.Context context) {
		ObservationView parent = context.getParentObservation();
		// Bounded walk: observations nest a few levels (server request, filter chain).
		for (int depth = 0; parent != null && depth < 16; depth++) {
			Observation.ContextView view = parent.getContextView();
			if (view instanceof ServerRequestObservationContext server) {
				return server.getCarrier();
			}
			parent = view.getParentObservation();
		}
		return (ServerSpanThreadLocalAccessor.ServerSpan.currentExchange() instanceof ServerWebExchange exchange)
				? exchange.getRequest() : null;
	}

	/**
	 * Name a failure as the Servlet side's event would be named, so both stacks share
	 * the {@code failure_reason} values.
	 */
	static String failureReason(AuthenticationException failure) {
		String name = failure.getClass().getSimpleName();
		String event = switch (name) {
			case "BadCredentialsException", "UsernameNotFoundException" -> "AuthenticationFailureBadCredentialsEvent";
			case "LockedException" -> "AuthenticationFailureLockedEvent";
			case "DisabledException" -> "AuthenticationFailureDisabledEvent";
			case "AccountExpiredException" -> "AuthenticationFailureExpiredEvent";
			case "CredentialsExpiredException" -> "AuthenticationFailureCredentialsExpiredEvent";
			case "ProviderNotFoundException" -> "AuthenticationFailureProviderNotFoundEvent";
			case "AuthenticationServiceException", "InternalAuthenticationServiceException" ->
				"AuthenticationFailureServiceExceptionEvent";
			default -> "AuthenticationFailure" + (name.endsWith("Exception")
					? name.substring(0, name.length() - "Exception".length()) : name) + "Event";
		};
		return AuthenticationLabels.failureReason(event);
	}

}
