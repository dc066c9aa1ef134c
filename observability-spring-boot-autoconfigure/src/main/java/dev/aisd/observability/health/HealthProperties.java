package dev.aisd.observability.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the health feature.
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
	private final Executor executor = new Executor();

	/**
	 * Spring Boot health indicators and contributors shown as checks.
	 */
	private final BootIndicators bootIndicators = new BootIndicators();

	/**
	 * The checks shown in Spring Boot's /actuator/health as the contributor
	 * 'observability'.
	 */
	private final BootContributor bootContributor = new BootContributor();

	/**
	 * Per-check overrides, by check name.
	 */
	private final Map<String, Check> checks = new LinkedHashMap<>();

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

	public Executor getExecutor() {
		return this.executor;
	}

	public BootIndicators getBootIndicators() {
		return this.bootIndicators;
	}

	public Map<String, Check> getChecks() {
		return this.checks;
	}

	/**
	 * Pool that runs the checks.
	 */
	public static class Executor {

		/**
		 * Number of threads that run checks concurrently. A check that ignores interrupts
		 * holds one thread until it returns.
		 */
		private int threads = 4;

		/**
		 * Number of runs that may wait for a thread; beyond it a run is an error.
		 */
		private int queueCapacity = 64;

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

	}

	/**
	 * Spring Boot health indicators and contributors shown as checks.
	 */
	public BootContributor getBootContributor() {
		return this.bootContributor;
	}

	/**
	 * The checks in Spring Boot's health endpoint.
	 */
	public static class BootContributor {

		/**
		 * Whether the checks of this starter (not the Spring Boot indicators it imports)
		 * appear in Spring Boot's /actuator/health as the contributor 'observability'.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	public static class BootIndicators {

		/**
		 * Whether Spring Boot health indicators and contributors in the context appear as
		 * checks.
		 */
		private boolean enabled = true;

		/**
		 * Whether Spring Boot health indicators are critical unless
		 * 'observability.health.checks.<name>.critical' says otherwise.
		 */
		private boolean critical = false;

		/**
		 * Names of Spring Boot health contributors not to show ('ping' always answers up
		 * and only adds noise).
		 */
		private List<String> exclude = new ArrayList<>(List.of("ping"));

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isCritical() {
			return this.critical;
		}

		public void setCritical(boolean critical) {
			this.critical = critical;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

	}

	/**
	 * Overrides of one check; unset values keep what the check declares.
	 */
	public static class Check {

		/**
		 * Whether the check runs at all.
		 */
		private Boolean enabled;

		/**
		 * Whether an error of the check makes the service 'error'.
		 */
		private Boolean critical;

		/**
		 * Timeout of one run of the check.
		 */
		private Duration timeout;

		/**
		 * Interval of background runs of the check.
		 */
		private Duration interval;

		/**
		 * Consecutive worse results before the reported status of the check gets worse.
		 */
		private Integer failureThreshold;

		/**
		 * Consecutive better results before the reported status of the check gets
		 * better.
		 */
		private Integer successThreshold;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public Boolean getCritical() {
			return this.critical;
		}

		public void setCritical(Boolean critical) {
			this.critical = critical;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Integer getFailureThreshold() {
			return this.failureThreshold;
		}

		public void setFailureThreshold(Integer failureThreshold) {
			this.failureThreshold = failureThreshold;
		}

		public Integer getSuccessThreshold() {
			return this.successThreshold;
		}

		public void setSuccessThreshold(Integer successThreshold) {
			this.successThreshold = successThreshold;
		}

	}

}
