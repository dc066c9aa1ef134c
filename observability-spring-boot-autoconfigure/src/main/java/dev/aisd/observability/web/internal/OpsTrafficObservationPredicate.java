package dev.aisd.observability.web.internal;

import java.net.InetSocketAddress;
import java.util.function.IntSupplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * Turns the {@code http.server.requests} observation of operational traffic into a
 * no-op, on Servlet and WebFlux: no span, no {@code Handled request} line and no HTTP
 * metric sample (Spring Boot's {@code http.server.requests} meters included) for a
 * request to one of the {@link OpsPaths} or to the management port. Every other
 * observation is left alone. Not API: may change without notice.
 */
public final class OpsTrafficObservationPredicate implements ObservationPredicate {

	private static final boolean SERVLET_PRESENT = ClassUtils.isPresent(
			"org.springframework.http.server.observation.ServerRequestObservationContext",
			OpsTrafficObservationPredicate.class.getClassLoader())
			&& ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
					OpsTrafficObservationPredicate.class.getClassLoader());

	private static final boolean REACTIVE_PRESENT = ClassUtils.isPresent(
			"org.springframework.http.server.reactive.observation.ServerRequestObservationContext",
			OpsTrafficObservationPredicate.class.getClassLoader());

	private final OpsPaths paths;

	private final IntSupplier managementPort;

	/**
	 * Create a predicate.
	 * @param paths the operational paths
	 * @param managementPort the port of a separate management server, or a value of 0 or
	 * less when there is none (yet); asked per request, so it must be cheap
	 */
	public OpsTrafficObservationPredicate(OpsPaths paths, IntSupplier managementPort) {
		this.paths = paths;
		this.managementPort = managementPort;
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (SERVLET_PRESENT && context instanceof org.springframework.http.server.observation.ServerRequestObservationContext servlet) {
			return !isOps(servlet.getCarrier());
		}
		if (REACTIVE_PRESENT
				&& context instanceof org.springframework.http.server.reactive.observation.ServerRequestObservationContext reactive) {
			return !isOps(reactive.getCarrier());
		}
		return true;
	}

	/**
	 * Return whether a Servlet request is operational traffic.
	 * @param request the request
	 * @return whether it goes to one of the paths or to the management port
	 */
	public boolean isOps(HttpServletRequest request) {
		int managementPort = this.managementPort.getAsInt();
		if (managementPort > 0 && request.getLocalPort() == managementPort) {
			return true;
		}
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		String path = (contextPath.isEmpty() || !uri.startsWith(contextPath)) ? uri : uri.substring(contextPath.length());
		return this.paths.matches(path);
	}

	/**
	 * Return whether a WebFlux request is operational traffic.
	 * @param request the request
	 * @return whether it goes to one of the paths or to the management port
	 */
	public boolean isOps(ServerHttpRequest request) {
		int managementPort = this.managementPort.getAsInt();
		if (managementPort > 0) {
			InetSocketAddress local = request.getLocalAddress();
			if (local != null && local.getPort() == managementPort) {
				return true;
			}
		}
		return this.paths.matches(request.getPath().pathWithinApplication().value());
	}

}
