package dev.aisd.observability.health.internal;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

import dev.aisd.observability.health.HealthCheckResult;

/**
 * Waits for a {@link Mono} on the health executor thread. Loaded only when Reactor is on
 * the class path.
 */
final class ReactorResults {

	private ReactorResults() {
	}

	/**
	 * Subscribes to a Mono and waits for its value; an interrupt cancels the subscription.
	 * @param mono the Mono, may be {@code null}
	 * @return its value, {@code null} when it completes empty
	 * @throws Throwable what the Mono failed with, or {@link InterruptedException}
	 */
	public static HealthCheckResult await(Object mono) throws Throwable {
		if (mono == null) {
			return null;
		}
		@SuppressWarnings("unchecked")
		Mono<? extends HealthCheckResult> typed = (Mono<? extends HealthCheckResult>) mono;
		return AsyncResults.await(typed.toFuture());
	}

	/**
	 * Runs a Spring Boot reactive health indicator and waits for its health.
	 * @param indicator the indicator
	 * @return its health
	 * @throws Throwable what it failed with, or {@link InterruptedException}
	 */
	public static Health health(ReactiveHealthIndicator indicator) throws Throwable {
		Mono<Health> health = indicator.health(true);
		if (health == null) {
			return null;
		}
		java.util.concurrent.CompletableFuture<Health> future = health.toFuture();
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			throw ex;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw (ex.getCause() != null) ? ex.getCause() : ex;
		}
	}

}
