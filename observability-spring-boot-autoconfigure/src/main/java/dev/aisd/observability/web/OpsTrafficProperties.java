package dev.aisd.observability.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of operational traffic: requests to the starter's own endpoints (metrics,
 * health, probes, traces, scorecard, the console under /observability), to Actuator's
 * base path, to the management port, and to extra paths.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability.ops-traffic")
public class OpsTrafficProperties {

	/**
	 * Whether requests to the operational endpoints are recorded like any other request
	 * (a span, a 'Handled request' line and an HTTP metric sample each). Off by default,
	 * so that probes and scrapes do not evict the traces a user came to look at.
	 */
	private boolean recorded = false;

	/**
	 * More paths to treat as operational traffic, relative to the context path: an exact
	 * path ('/ping'), or a prefix ending in '/**' ('/internal/**').
	 */
	private List<String> extraPaths = new ArrayList<>();

	public boolean isRecorded() {
		return this.recorded;
	}

	public void setRecorded(boolean recorded) {
		this.recorded = recorded;
	}

	public List<String> getExtraPaths() {
		return this.extraPaths;
	}

	public void setExtraPaths(List<String> extraPaths) {
		this.extraPaths = extraPaths;
	}

}
