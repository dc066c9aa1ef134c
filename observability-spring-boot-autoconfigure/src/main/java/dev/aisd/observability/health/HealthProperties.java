package dev.aisd.observability.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Properties of the health feature. The groups below it have their own classes:
 * {@link HealthExecutorProperties}, {@link BootIndicatorsProperties},
 * {@link BootContributorProperties} and, per check, {@link HealthCheckOverrideProperties}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability.health")
public class HealthProperties {

	/**
	 * Whether to serve aggregated health checks.
	 */
	private boolean enabled = true;

	/**
	 * Path of the aggregated health endpoint.
	 */
	private String path = "/health";

	/**
	 * Path of the liveness endpoint, which never runs checks.
	 */
	private String livePath = "/health/live";

	/**
	 * Path of the readiness endpoint, 503 when a critical check is in error.
	 */
	private String readyPath = "/health/ready";

	/**
	 * Default timeout of one run of a check; a run that takes longer is an error and is
	 * interrupted.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	/**
	 * How long the result of an on-demand check is reused, so that probe storms reach a
	 * dependency at most once per TTL. Zero runs checks on every request (concurrent
	 * requests still share one run).
	 */
	private Duration cacheTtl = Duration.ofSeconds(1);

	/**
	 * HTTP status of the aggregated endpoint when the service is degraded.
	 */
	private int degradedHttpStatus = 200;

	/**
	 * Longest string kept whole in the detail of a check; longer strings are truncated.
	 */
	private int detailMaxLength = 1024;

	/**
	 * When to show the detail of each check in /health and /health/ready: never,
	 * when-authorized (an authenticated caller holding one of the roles, any authenticated
	 * caller when no role is set) or always. Unset, it follows
	 * management.endpoint.health.show-details, then always.
	 */
	private Show showDetails;

	/**
	 * Roles that may see the detail of the checks when show-details is when-authorized.
	 * Unset, it follows management.endpoint.health.roles.
	 */
	private Set<String> roles;

	/**
	 * Most callers of /health and /health/ready that may wait at once for a run of the
	 * checks; further callers get a 503 at once instead of queuing.
	 */
	private int maxWaitingRequests = 500;

	/**
	 * Pool that runs the checks.
	 */
	@NestedConfigurationProperty
	private final HealthExecutorProperties executor = new HealthExecutorProperties();

	/**
	 * Spring Boot health indicators and contributors shown as checks.
	 */
	@NestedConfigurationProperty
	private final BootIndicatorsProperties bootIndicators = new BootIndicatorsProperties();

	/**
	 * The checks shown in Spring Boot's /actuator/health as the contributor
	 * 'observability'.
	 */
	@NestedConfigurationProperty
	private final BootContributorProperties bootContributor = new BootContributorProperties();

	/**
	 * Per-check overrides, by check name.
	 */
	private final Map<String, HealthCheckOverrideProperties> checks = new LinkedHashMap<>();

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

	public String getLivePath() {
		return this.livePath;
	}

	public void setLivePath(String livePath) {
		this.livePath = livePath;
	}

	public String getReadyPath() {
		return this.readyPath;
	}

	public void setReadyPath(String readyPath) {
		this.readyPath = readyPath;
	}

	public Show getShowDetails() {
		return this.showDetails;
	}

	public void setShowDetails(Show showDetails) {
		this.showDetails = showDetails;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<String> roles) {
		this.roles = roles;
	}

	public int getMaxWaitingRequests() {
		return this.maxWaitingRequests;
	}

	public void setMaxWaitingRequests(int maxWaitingRequests) {
		this.maxWaitingRequests = maxWaitingRequests;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

	public int getDegradedHttpStatus() {
		return this.degradedHttpStatus;
	}

	public void setDegradedHttpStatus(int degradedHttpStatus) {
		this.degradedHttpStatus = degradedHttpStatus;
	}

	public int getDetailMaxLength() {
		return this.detailMaxLength;
	}

	public void setDetailMaxLength(int detailMaxLength) {
		this.detailMaxLength = detailMaxLength;
	}

	public HealthExecutorProperties getExecutor() {
		return this.executor;
	}

	public BootIndicatorsProperties getBootIndicators() {
		return this.bootIndicators;
	}

	public BootContributorProperties getBootContributor() {
		return this.bootContributor;
	}

	public Map<String, HealthCheckOverrideProperties> getChecks() {
		return this.checks;
	}

}

