package dev.aisd.observability.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console page: where it is served and how often it refreshes.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability.console")
public class ConsoleProperties {

	/**
	 * Whether to serve the console page.
	 */
	private boolean enabled = true;

	/**
	 * Path of the console page; its script, style sheet and data are served on the same
	 * path with a query parameter.
	 */
	private String path = "/observability";

	/**
	 * How often an open page asks for new data.
	 */
	private Duration pollInterval = Duration.ofSeconds(2);

	/**
	 * How many status transitions each health check keeps for the page.
	 */
	private int healthHistory = 20;

	/**
	 * Window over which the page's per-route rate, errors and latency quantiles are
	 * computed.
	 */
	private Duration routesWindow = Duration.ofMinutes(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public int getHealthHistory() {
		return this.healthHistory;
	}

	public void setHealthHistory(int healthHistory) {
		this.healthHistory = healthHistory;
	}

	public Duration getRoutesWindow() {
		return this.routesWindow;
	}

	public void setRoutesWindow(Duration routesWindow) {
		this.routesWindow = routesWindow;
	}

}
