package dev.aisd.observability;

import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * One feature's share of the starter's default properties, which
 * {@link ObservabilityDefaultsEnvironmentPostProcessor} gathers into its single property
 * source of lowest precedence.
 */
interface DefaultsContribution {

	/**
	 * Add this feature's defaults.
	 * @param environment the environment as the application configured it (config data
	 * included), without the starter's defaults
	 * @param classLoader the application's class loader, for optional neighbours
	 * @param reactive whether the application is a reactive web application
	 * @param defaults where to put the defaults
	 */
	void contribute(ConfigurableEnvironment environment, ClassLoader classLoader, boolean reactive,
			Map<String, Object> defaults);

}
