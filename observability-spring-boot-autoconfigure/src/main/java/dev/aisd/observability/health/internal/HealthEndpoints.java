package dev.aisd.observability.health.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.aisd.observability.health.HealthStatus;

/**
 * What {@code /health}, {@code /health/ready} and {@code /health/live} answer, free of
 * any web stack: the Servlet and WebFlux routes only copy status and body.
 */
public final class HealthEndpoints {

	private final HealthCheckEngine engine;

	private final String service;

	private final int degradedHttpStatus;

	private final Clock clock;

	/**
	 * Creates the endpoints.
	 * @param engine the engine
	 * @param service the service name
	 * @param degradedHttpStatus the HTTP status of {@code /health} when degraded
	 * @param clock the clock of {@code /health/live}
	 */
	public HealthEndpoints(HealthCheckEngine engine, String service, int degradedHttpStatus, Clock clock) {
		this.engine = engine;
		this.service = service;
		this.degradedHttpStatus = degradedHttpStatus;
		this.clock = clock;
	}

	/**
	 * Answers {@code /health}.
	 * @return the response, complete within about the longest check timeout; never
	 * completes exceptionally
	 */
	public CompletableFuture<Response> health() {
		return respond(false);
	}

	/**
	 * Answers {@code /health/ready}: 503 when a critical check is in error, else 200.
	 * @return the response; never completes exceptionally
	 */
	public CompletableFuture<Response> ready() {
		return respond(true);
	}

	/**
	 * Answers {@code /health/live}: always 200 {@code ok}, without running checks.
	 * @return the response
	 */
	public Response live() {
		return new Response(200, HealthJson.live(HealthStatus.OK, this.service, this.clock.instant()));
	}

	/**
	 * Returns how long a caller that must block should wait at most for a response.
	 * @return the longest check timeout plus a margin
	 */
	public Duration maxWait() {
		return this.engine.getLongestTimeout().plusSeconds(1);
	}

	/**
	 * The response when evaluation could not finish in time (should not happen: the
	 * engine completes every run by its timeout).
	 * @return a 503 response
	 */
	public Response unavailable() {
		HealthReport report = new HealthReport(HealthStatus.ERROR, this.clock.instant(), List.of());
		return new Response(503, HealthJson.report(report, this.service));
	}

	private CompletableFuture<Response> respond(boolean readiness) {
		CompletableFuture<HealthReport> report;
		try {
			report = this.engine.evaluate();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(unavailable());
		}
		return report.handle((result, failure) -> {
			if (failure != null) {
				return unavailable();
			}
			int status = readiness ? (result.ready() ? 200 : 503)
					: HealthAggregator.httpStatus(result.status(), this.degradedHttpStatus);
			return new Response(status, HealthJson.report(result, this.service));
		});
	}

	/**
	 * An HTTP response.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body
	 */
	public record Response(int status, String body) {

		/**
		 * Returns the body as UTF-8 bytes.
		 * @return the bytes
		 */
		public byte[] bytes() {
			return this.body.getBytes(StandardCharsets.UTF_8);
		}

	}

}
