package dev.aisd.observability.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;

/**
 * The endpoints that are served: every {@link ObservabilityEndpoint} bean that
 * {@code observability.endpoints.web.exposure.*} exposes. The Spring MVC and WebFlux
 * adapters serve them, the security matchers of the {@code endpoint.security} packages
 * match their paths.
 *
 * @since 0.1.0
 */
public final class ObservabilityEndpoints {

	/** Id of {@code GET /metrics}. */
	public static final String METRICS = "metrics";

	/** Id of {@code GET /health}. */
	public static final String HEALTH = "health";

	/** Id of {@code GET /health/live}. */
	public static final String LIVENESS = "liveness";

	/** Id of {@code GET /health/ready}. */
	public static final String READINESS = "readiness";

	/** Id of {@code GET /observability/traces}. */
	public static final String TRACES = "traces";

	/** Id of {@code GET /observability/security/scorecard}. */
	public static final String SCORECARD = "scorecard";

	/** Id of {@code GET /observability}, the console page. */
	public static final String CONSOLE = "console";

	/** Ids of the probes a load balancer or the kubelet calls. */
	public static final Set<String> PROBES = Set.of(LIVENESS, READINESS);

	private final Map<String, ObservabilityEndpoint> endpoints;

	/**
	 * Creates the set of served endpoints.
	 * @param candidates every endpoint bean, in order
	 * @param exposure which ids are served
	 */
	public ObservabilityEndpoints(List<ObservabilityEndpoint> candidates, EndpointsProperties.Exposure exposure) {
		Map<String, ObservabilityEndpoint> exposed = new LinkedHashMap<>();
		for (ObservabilityEndpoint endpoint : candidates) {
			if (exposure.isExposed(endpoint.id())) {
				ObservabilityEndpoint previous = exposed.putIfAbsent(endpoint.id(), endpoint);
				if (previous != null) {
					throw new IllegalStateException("Two endpoints have the id '" + endpoint.id() + "': "
							+ previous.path() + " and " + endpoint.path());
				}
			}
		}
		this.endpoints = exposed;
	}

	/**
	 * Returns the served endpoints.
	 * @return the endpoints, in order
	 */
	public List<ObservabilityEndpoint> all() {
		return List.copyOf(this.endpoints.values());
	}

	/**
	 * Returns the paths of served endpoints.
	 * @param ids the ids, none for all
	 * @return the paths of those of them that are served
	 */
	public List<String> paths(String... ids) {
		List<String> paths = new ArrayList<>();
		List<String> wanted = Arrays.asList(ids);
		for (ObservabilityEndpoint endpoint : this.endpoints.values()) {
			if (wanted.isEmpty() || wanted.contains(endpoint.id())) {
				paths.add(endpoint.path());
			}
		}
		return paths;
	}

	/**
	 * Returns the paths of the served endpoints with one of the given ids and none of the
	 * excluded ones.
	 * @param includes the ids to include, empty for all
	 * @param excludes the ids to leave out
	 * @return the paths
	 */
	public List<String> paths(List<String> includes, List<String> excludes) {
		List<String> paths = paths(includes.toArray(String[]::new));
		if (!excludes.isEmpty()) {
			paths.removeAll(paths(excludes.toArray(String[]::new)));
		}
		return paths;
	}

	/**
	 * Returns whether the application context serves the endpoints: when no separate
	 * management port is set, or when {@code observability.endpoints.application-port}
	 * keeps a copy there.
	 * @param environment the environment of the application
	 * @return whether the endpoints are served on the application port
	 */
	public static boolean servedOnApplicationPort(Environment environment) {
		return ManagementPortType.get(environment) != ManagementPortType.DIFFERENT
				|| environment.getProperty("observability.endpoints.application-port", Boolean.class, false);
	}

}
