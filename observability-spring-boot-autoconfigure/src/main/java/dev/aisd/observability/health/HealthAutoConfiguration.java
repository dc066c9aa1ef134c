package dev.aisd.observability.health;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.ServiceName;
import dev.aisd.observability.endpoint.EndpointCall;
import dev.aisd.observability.endpoint.EndpointHandler;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;
import dev.aisd.observability.endpoint.ObservabilityEndpoints;
import dev.aisd.observability.health.internal.BootHealthContributors;
import dev.aisd.observability.health.internal.HealthCheckBeanPostProcessor;
import dev.aisd.observability.health.internal.HealthCheckEngine;
import dev.aisd.observability.health.internal.HealthCheckListener;
import dev.aisd.observability.health.internal.HealthChecksHealthIndicator;
import dev.aisd.observability.health.internal.HealthCheckMetrics;
import dev.aisd.observability.health.internal.HealthEndpoints;
import dev.aisd.observability.health.internal.LateHealthCheckSource;
import dev.aisd.observability.health.internal.PropertyOverrides;

/**
 * {@link AutoConfiguration Auto-configuration} of aggregated health checks:
 * {@link HealthCheck @HealthCheck} methods, {@link HealthCheckFunction} beans, checks
 * registered through {@link HealthCheckRegistry} and Spring Boot's health contributors,
 * served at {@code /health}, {@code /health/live} and {@code /health/ready} (three
 * {@link ObservabilityEndpoint}s, on Spring MVC and WebFlux), and published as metrics.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class,
		afterName = { "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "observability.health.enabled", matchIfMissing = true)
@EnableConfigurationProperties(HealthProperties.class)
public final class HealthAutoConfiguration {

	/**
	 * Name of an optional {@link Clock} bean that drives health timestamps, cache age and
	 * staleness (tests pin time with it); without it the system UTC clock does.
	 */
	public static final String CLOCK_BEAN_NAME = "observabilityHealthClock";

	/** Name of the {@code /health} endpoint bean; define a bean of this name to replace it. */
	public static final String HEALTH_ENDPOINT_BEAN_NAME = "observabilityHealthEndpoint";

	/** Name of the {@code /health/ready} endpoint bean; define a bean of this name to replace it. */
	public static final String READINESS_ENDPOINT_BEAN_NAME = "observabilityReadinessEndpoint";

	/** Name of the {@code /health/live} endpoint bean; define a bean of this name to replace it. */
	public static final String LIVENESS_ENDPOINT_BEAN_NAME = "observabilityLivenessEndpoint";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	HealthCheckEngine observabilityHealthCheckEngine(HealthProperties properties,
			@Qualifier(CLOCK_BEAN_NAME) ObjectProvider<Clock> clock,
			ObjectProvider<HealthCheckListener> listeners) {
		HealthCheckEngine.EngineSettings settings = new HealthCheckEngine.EngineSettings(
				properties.getExecutor().getThreads(), properties.getExecutor().getQueueCapacity(),
				properties.getTimeout(), properties.getCacheTtl(), properties.getDetailMaxLength());
		HealthCheckEngine engine = new HealthCheckEngine(settings, clock(clock), new PropertyOverrides(properties));
		listeners.orderedStream().forEach(engine::addListener);
		return engine;
	}

	@Bean
	static HealthCheckBeanPostProcessor observabilityHealthCheckBeanPostProcessor(
			ObjectProvider<HealthCheckEngine> engine, ObjectProvider<LateHealthCheckSource> lateSources) {
		return new HealthCheckBeanPostProcessor(engine, lateSources);
	}

	@Bean
	@ConditionalOnMissingBean
	HealthEndpoints observabilityHealthEndpoints(HealthCheckEngine engine, ServiceName serviceName,
			HealthProperties properties, @Qualifier(CLOCK_BEAN_NAME) ObjectProvider<Clock> clock,
			ObjectProvider<ApplicationAvailability> availability) {
		return new HealthEndpoints(engine, serviceName.value(), properties.getDegradedHttpStatus(), clock(clock),
				availability.getIfAvailable(), properties.getMaxWaitingRequests());
	}

	private static Clock clock(ObjectProvider<Clock> clock) {
		// Only a clock named for us: an application's fixed test clock would freeze the cache.
		return clock.getIfAvailable(Clock::systemUTC);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HealthCheckMetrics observabilityHealthCheckMetrics(MeterRegistry registry) {
			return new HealthCheckMetrics(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.registry.HealthContributorRegistry")
	static class BootHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BootCheckNames observabilityBootCheckNames() {
			return new BootCheckNames(HealthChecksHealthIndicator.importedNames());
		}

		/**
		 * Our checks in Spring Boot's {@code /actuator/health}, as the contributor
		 * {@code observability}, for tools that read Boot's endpoint.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "observabilityHealthContributor")
		@ConditionalOnBooleanProperty(name = "observability.health.boot-contributor.enabled", matchIfMissing = true)
		HealthChecksHealthIndicator observabilityHealthContributor(HealthCheckEngine engine, BootCheckNames imported) {
			return new HealthChecksHealthIndicator(engine, imported.names());
		}

	}

	/**
	 * Names of the checks imported from Spring Boot's health contributors.
	 *
	 * @param names the names, a concurrent set filled when they are imported
	 */
	record BootCheckNames(Set<String> names) {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.registry.HealthContributorRegistry")
	@ConditionalOnBooleanProperty(name = "observability.health.boot-indicators.enabled", matchIfMissing = true)
	static class BootIndicatorsConfiguration {

		@Bean
		LateHealthCheckSource observabilityBootHealthContributors(HealthProperties properties, BootCheckNames imported,
				ObjectProvider<org.springframework.boot.health.registry.HealthContributorRegistry> registry,
				ObjectProvider<org.springframework.boot.health.registry.ReactiveHealthContributorRegistry> reactive) {
			return (engine) -> new BootHealthContributors(engine, properties.getBootIndicators().isCritical(),
					properties.getBootIndicators().getExclude(), imported.names())
				.registerAll(registry.getIfAvailable(), reactive.getIfAvailable());
		}


	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	static class EndpointConfiguration {

		@Bean(HEALTH_ENDPOINT_BEAN_NAME)
		@ConditionalOnMissingBean(name = HEALTH_ENDPOINT_BEAN_NAME)
		ObservabilityEndpoint observabilityHealthEndpoint(HealthEndpoints endpoints, HealthProperties properties,
				Environment environment) {
			return detailed(ObservabilityEndpoints.HEALTH, properties.getPath(), endpoints::health, properties,
					environment);
		}

		@Bean(READINESS_ENDPOINT_BEAN_NAME)
		@ConditionalOnMissingBean(name = READINESS_ENDPOINT_BEAN_NAME)
		ObservabilityEndpoint observabilityReadinessEndpoint(HealthEndpoints endpoints, HealthProperties properties,
				Environment environment) {
			return detailed(ObservabilityEndpoints.READINESS, properties.getReadyPath(), endpoints::ready, properties,
					environment);
		}

		@Bean(LIVENESS_ENDPOINT_BEAN_NAME)
		@ConditionalOnMissingBean(name = LIVENESS_ENDPOINT_BEAN_NAME)
		ObservabilityEndpoint observabilityLivenessEndpoint(HealthEndpoints endpoints, HealthProperties properties) {
			return new ObservabilityEndpoint(ObservabilityEndpoints.LIVENESS, properties.getLivePath(),
					EndpointHandler.immediate((call) -> endpoints.live()));
		}

		/** An endpoint whose answer shows the checks' detail to whom {@link DetailsRule} allows. */
		private static ObservabilityEndpoint detailed(String id, String path,
				Function<Boolean, CompletableFuture<EndpointResponse>> answer, HealthProperties properties,
				Environment environment) {
			DetailsRule details = DetailsRule.of(properties, environment);
			return new ObservabilityEndpoint(id, path, (call) -> answer.apply(details.shown(call)));
		}

	}

	/**
	 * Who sees the detail of the checks: {@code observability.health.show-details} /
	 * {@code roles}, else Spring Boot's {@code management.endpoint.health.*}, else
	 * everyone (the seed's contract).
	 */
	record DetailsRule(Show show, Set<String> roles) {

		static DetailsRule of(HealthProperties properties, Environment environment) {
			Binder binder = Binder.get(environment);
			Show show = (properties.getShowDetails() != null) ? properties.getShowDetails()
					: binder.bind("management.endpoint.health.show-details", Show.class).orElse(Show.ALWAYS);
			Set<String> roles = (properties.getRoles() != null) ? properties.getRoles()
					: binder.bind("management.endpoint.health.roles", Bindable.setOf(String.class))
						.orElse(Set.of());
			return new DetailsRule(show, Set.copyOf(roles));
		}

		boolean shown(EndpointCall call) {
			return switch (this.show) {
				case ALWAYS -> true;
				case NEVER -> false;
				case WHEN_AUTHORIZED -> this.show.isShown(call.securityContext(), this.roles);
			};
		}

	}

}
