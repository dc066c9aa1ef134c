package dev.aisd.observability.health;

import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Registers and removes health checks at runtime, for checks that annotations cannot
 * describe (one per tenant, per configured endpoint, ...). The auto-configuration
 * provides it as a bean. Property overrides
 * ({@code observability.health.checks.<name>.*}) apply to these checks too.
 *
 * @since 0.1.0
 */
public interface HealthCheckRegistry {

	/**
	 * Registers a critical, on-demand check with the default timeout.
	 * @param name the name, unique and not blank
	 * @param check the check
	 * @throws IllegalStateException if a check of that name exists
	 */
	default void register(String name, HealthCheckFunction check) {
		register(HealthCheckOptions.of(name), check);
	}

	/**
	 * Registers a check that runs on the health executor and may block.
	 * @param options the name and settings of the check
	 * @param check the check
	 * @throws IllegalStateException if a check of that name exists
	 */
	void register(HealthCheckOptions options, HealthCheckFunction check);

	/**
	 * Registers an asynchronous check. The supplier is called on the health executor; the
	 * stage it returns is cancelled when the check times out.
	 * @param options the name and settings of the check
	 * @param check the check
	 * @throws IllegalStateException if a check of that name exists
	 */
	void registerAsync(HealthCheckOptions options, Supplier<? extends CompletionStage<HealthCheckResult>> check);

	/**
	 * Removes a check and its metrics. A run in progress is left to finish and ignored.
	 * @param name the name of the check
	 * @return whether a check of that name existed
	 */
	boolean unregister(String name);

	/**
	 * Returns the names of the registered checks.
	 * @return the names, sorted
	 */
	Set<String> getNames();

}
