package dev.aisd.observability.security.autoconfigure.internal;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Function;

import dev.aisd.observability.security.SecurityMetricsCollector;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.util.ClassUtils;

/**
 * Records every Spring Security {@link AuthorizationDeniedEvent} as
 * {@code security_authz_denials_total{resource,action}}. For an HTTP request the
 * resource is its route template (never the raw path) and the action its method; for a
 * secured method the resource is {@code ClassName.method} and the action
 * {@code invoke}. Granted events are a different type and never reach this listener; a
 * denied event whose result says granted is ignored as well.
 */
public final class AuthorizationDenialRecorder implements ApplicationListener<AuthorizationDeniedEvent<?>> {

	/** Resource of a request that matches no known route. */
	public static final String UNMATCHED = "unmatched";

	/** Value for anything that is not one of the known kinds. */
	public static final String OTHER = "other";

	private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
			"OPTIONS", "TRACE");

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			AuthorizationDenialRecorder.class.getClassLoader());

	private static final boolean AOP_ALLIANCE_PRESENT = ClassUtils.isPresent(
			"org.aopalliance.intercept.MethodInvocation", AuthorizationDenialRecorder.class.getClassLoader());

	private final SecurityMetricsCollector collector;

	private final Function<Object, String> routeResolver;

	/**
	 * Create a recorder.
	 * @param collector the collector to record into
	 * @param routeResolver resolves the route template of an {@code HttpServletRequest},
	 * returning {@code null} when no route matches
	 */
	public AuthorizationDenialRecorder(SecurityMetricsCollector collector, Function<Object, String> routeResolver) {
		this.collector = collector;
		this.routeResolver = routeResolver;
	}

	@Override
	public void onApplicationEvent(AuthorizationDeniedEvent<?> event) {
		AuthorizationResult result = event.getAuthorizationResult();
		if (result != null && result.isGranted()) {
			return;
		}
		Object object = event.getObject();
		if (SERVLET_PRESENT && Servlet.isRequest(object)) {
			String route = this.routeResolver.apply(object);
			this.collector.recordAuthzDenial((route != null) ? route : UNMATCHED, httpMethod(Servlet.method(object)));
		}
		else if (AOP_ALLIANCE_PRESENT && Aop.isInvocation(object)) {
			this.collector.recordAuthzDenial(Aop.resource(object), "invoke");
		}
		else {
			this.collector.recordAuthzDenial(OTHER, OTHER);
		}
	}

	static String httpMethod(String method) {
		return (method != null && HTTP_METHODS.contains(method)) ? method : OTHER;
	}

	/**
	 * Kept apart so the Servlet API is only touched when it is present.
	 */
	static final class Servlet {

		private Servlet() {
		}

		static boolean isRequest(Object object) {
			return object instanceof jakarta.servlet.http.HttpServletRequest;
		}

		static String method(Object request) {
			return ((jakarta.servlet.http.HttpServletRequest) request).getMethod();
		}

	}

	/**
	 * Kept apart so AOP Alliance is only touched when it is present.
	 */
	static final class Aop {

		private Aop() {
		}

		static boolean isInvocation(Object object) {
			return object instanceof org.aopalliance.intercept.MethodInvocation;
		}

		static String resource(Object object) {
			Method method = ((org.aopalliance.intercept.MethodInvocation) object).getMethod();
			return method.getDeclaringClass().getSimpleName() + "." + method.getName();
		}

	}

}
