package dev.aisd.observability.health.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;

import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.health.HealthStatus;

/**
 * What {@code /health}, {@code /health/ready} and {@code /health/live} answer, free of
 * any web stack.
 * <p>
 * The probes follow Spring Boot's application availability first: liveness is 503 while
 * {@link LivenessState#BROKEN}, readiness is 503 at once while
 * {@link ReadinessState#REFUSING_TRAFFIC} (graceful shutdown), whatever the checks say.
 * Liveness never waits for a check. Callers waiting for a run of the checks are bounded;
 * past the bound they get a 503 at once rather than queue behind a hung dependency.
 */
public final class HealthEndpoints {

	private final HealthCheckEngine engine;

	private final String service;

	private final int degradedHttpStatus;

	private final Clock clock;

	private final ApplicationAvailability availability;

	private final Semaphore waiters;

	private final int maxWaiters;

	/**
	 * Creates the endpoints, without application availability and with 500 waiters at
	 * most.
	 * @param engine the engine
	 * @param service the service name
	 * @param degradedHttpStatus the HTTP status of {@code /health} when degraded
	 * @param clock the clock of {@code /health/live}
	 */
	public HealthEndpoints(HealthCheckEngine engine, String service, int degradedHttpStatus, Clock clock) {
		this(engine, service, degradedHttpStatus, clock, null, 500);
	}

	/**
	 * Creates the endpoints.
	 * @param engine the engine
	 * @param service the service name
	 * @param degradedHttpStatus the HTTP status of {@code /health} when degraded
	 * @param clock the clock of the timestamps that are not a report's
	 * @param availability Spring Boot's application availability, or {@code null}
	 * @param maxWaiters most callers that may wait for a run of the checks at once
	 */
	public HealthEndpoints(HealthCheckEngine engine, String service, int degradedHttpStatus, Clock clock,
			ApplicationAvailability availability, int maxWaiters) {
		this.engine = engine;
		this.service = service;
		this.degradedHttpStatus = degradedHttpStatus;
		this.clock = clock;
		this.availability = availability;
		this.maxWaiters = Math.max(0, maxWaiters);
		this.waiters = new Semaphore(this.maxWaiters);
	}

	/**
	 * Answers {@code /health} with the detail of every check.
	 * @return the response, complete within about the longest check timeout; never
	 * completes exceptionally
	 */
	public CompletableFuture<EndpointResponse> health() {
		return health(true);
	}

	/**
	 * Answers {@code /health}.
	 * @param details whether to show the detail of each check
	 * @return the response, complete within about the longest check timeout; never
	 * completes exceptionally
	 */
	public CompletableFuture<EndpointResponse> health(boolean details) {
		return respond(false, details);
	}

	/**
	 * Answers {@code /health/ready} with the detail of every check.
	 * @return the response; never completes exceptionally
	 */
	public CompletableFuture<EndpointResponse> ready() {
		return ready(true);
	}

	/**
	 * Answers {@code /health/ready}: 503 while the application refuses traffic or a
	 * critical check is in error, else 200.
	 * @param details whether to show the detail of each check
	 * @return the response; never completes exceptionally
	 */
	public CompletableFuture<EndpointResponse> ready(boolean details) {
		if (this.availability != null
				&& this.availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC) {
			return CompletableFuture.completedFuture(probe(503, HealthStatus.ERROR));
		}
		return respond(true, details);
	}

	/**
	 * Answers {@code /health/live} without running checks: 503 {@code error} while the
	 * application's liveness is broken, else 200 {@code ok}.
	 * @return the response
	 */
	public EndpointResponse live() {
		if (this.availability != null && this.availability.getLivenessState() == LivenessState.BROKEN) {
			return probe(503, HealthStatus.ERROR);
		}
		return probe(200, HealthStatus.OK);
	}

	/**
	 * Returns how many callers wait for a run of the checks now.
	 * @return the number of waiting callers
	 */
	public int waitingCallers() {
		return this.maxWaiters - this.waiters.availablePermits();
	}

	/**
	 * Returns how long a caller should wait at most for a response.
	 * @return the longest check timeout plus a margin
	 */
	public Duration maxWait() {
		return this.engine.getLongestTimeout().plusSeconds(1);
	}

	/**
	 * The response when evaluation could not finish in time (should not happen: the
	 * engine completes every run by its timeout) or too many callers already wait.
	 * @return a 503 response
	 */
	public EndpointResponse unavailable() {
		HealthReport report = new HealthReport(HealthStatus.ERROR, this.clock.instant(), List.of());
		return EndpointResponse.json(503, HealthJson.report(report, this.service)).noStore();
	}

	private EndpointResponse probe(int status, HealthStatus health) {
		return EndpointResponse.json(status, HealthJson.live(health, this.service, this.clock.instant())).noStore();
	}

	private CompletableFuture<EndpointResponse> respond(boolean readiness, boolean details) {
		CompletableFuture<HealthReport> report;
		try {
			report = this.engine.evaluate();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(unavailable());
		}
		if (report.isDone()) {
			return CompletableFuture.completedFuture(respond(report, readiness, details));
		}
		if (!this.waiters.tryAcquire()) {
			return CompletableFuture.completedFuture(unavailable().withHeader("Retry-After", "1"));
		}
		// A dependent of its own, so that a caller's timeout never completes the shared run.
		CompletableFuture<HealthReport> waiting = report.thenApply((result) -> result);
		waiting.whenComplete((result, failure) -> this.waiters.release());
		return waiting.orTimeout(maxWait().toMillis(), TimeUnit.MILLISECONDS)
			.handle((result, failure) -> (failure != null) ? unavailable()
					: respond(CompletableFuture.completedFuture(result), readiness, details));
	}

	private EndpointResponse respond(CompletableFuture<HealthReport> report, boolean readiness, boolean details) {
		HealthReport result;
		try {
			result = report.join();
		}
		catch (RuntimeException ex) {
			return unavailable();
		}
		int status = readiness ? (result.ready() ? 200 : 503)
				: HealthAggregator.httpStatus(result.status(), this.degradedHttpStatus);
		return EndpointResponse.json(status, HealthJson.report(result, this.service, details)).noStore();
	}

}
