package dev.aisd.observability.endpoint;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and which of the starter's endpoints are served.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability.endpoints")
public class EndpointsProperties {

	/**
	 * Whether to keep serving the endpoints on the application port too when
	 * management.server.port moves them to a separate management port.
	 */
	private boolean applicationPort = false;

	private final Web web = new Web();

	public boolean isApplicationPort() {
		return this.applicationPort;
	}

	public void setApplicationPort(boolean applicationPort) {
		this.applicationPort = applicationPort;
	}

	public Web getWeb() {
		return this.web;
	}

	/**
	 * Web exposure of the endpoints.
	 */
	public static class Web {

		private final Exposure exposure = new Exposure();

		public Exposure getExposure() {
			return this.exposure;
		}

	}

	/**
	 * Which endpoints are served, by id (metrics, health, liveness, readiness, traces,
	 * scorecard, console), in the manner of management.endpoints.web.exposure.
	 */
	public static class Exposure {

		/**
		 * Ids of the endpoints to serve, or '*' for all.
		 */
		private Set<String> include = new LinkedHashSet<>(Set.of("*"));

		/**
		 * Ids of the endpoints not to serve, or '*' for all; wins over include.
		 */
		private Set<String> exclude = new LinkedHashSet<>();

		public Set<String> getInclude() {
			return this.include;
		}

		public void setInclude(Set<String> include) {
			this.include = include;
		}

		public Set<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(Set<String> exclude) {
			this.exclude = exclude;
		}

		/**
		 * Returns whether the endpoint of an id is served.
		 * @param id the endpoint id
		 * @return whether it is exposed
		 */
		public boolean isExposed(String id) {
			return matches(this.include, id) && !matches(this.exclude, id);
		}

		private static boolean matches(Set<String> ids, String id) {
			for (String candidate : ids) {
				String trimmed = candidate.trim();
				if (trimmed.equals("*") || trimmed.equalsIgnoreCase(id)) {
					return true;
				}
			}
			return false;
		}

	}

}
