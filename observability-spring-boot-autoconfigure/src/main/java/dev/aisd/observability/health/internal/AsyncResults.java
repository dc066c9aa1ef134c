package dev.aisd.observability.health.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import dev.aisd.observability.health.HealthCheckResult;

/**
 * Waits on the health executor thread for asynchronous results, cancelling them when the
 * thread is interrupted (the check timed out).
 */
final class AsyncResults {

	private AsyncResults() {
	}

	/**
	 * Waits for a stage.
	 * @param stage the stage, may be {@code null}
	 * @return its result
	 * @throws Throwable what the stage failed with, or {@link InterruptedException}
	 */
	public static HealthCheckResult await(CompletionStage<? extends HealthCheckResult> stage) throws Throwable {
		if (stage == null) {
			return null;
		}
		CompletableFuture<? extends HealthCheckResult> future = future(stage);
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() != null) ? ex.getCause() : ex;
		}
		catch (CancellationException ex) {
			throw new IllegalStateException("result was cancelled");
		}
	}

	private static CompletableFuture<? extends HealthCheckResult> future(
			CompletionStage<? extends HealthCheckResult> stage) {
		try {
			return stage.toCompletableFuture();
		}
		catch (UnsupportedOperationException ex) {
			CompletableFuture<HealthCheckResult> future = new CompletableFuture<>();
			stage.whenComplete((result, failure) -> {
				if (failure != null) {
					future.completeExceptionally(failure);
				}
				else {
					future.complete(result);
				}
			});
			return future;
		}
	}

}
