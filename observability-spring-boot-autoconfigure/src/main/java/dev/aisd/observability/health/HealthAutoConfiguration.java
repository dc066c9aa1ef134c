package dev.aisd.observability.health;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.ServiceName;
import dev.aisd.observability.health.internal.BootHealthContributors;
import dev.aisd.observability.health.internal.HealthCheckBeanPostProcessor;
import dev.aisd.observability.health.internal.HealthCheckEngine;
import dev.aisd.observability.health.internal.HealthCheckListener;
import dev.aisd.observability.health.internal.HealthCheckMetrics;
import dev.aisd.observability.health.internal.HealthEndpoints;
import dev.aisd.observability.health.internal.LateHealthCheckSource;
import dev.aisd.observability.health.internal.PropertyOverrides;
import dev.aisd.observability.health.internal.ReactiveHealthRoutes;
import dev.aisd.observability.health.internal.ServletHealthRoutes;

/**
 * {@link AutoConfiguration Auto-configuration} of aggregated health checks:
 * {@link HealthCheck @HealthCheck} methods, {@link HealthCheckFunction} beans, checks
 * registered through {@link HealthCheckRegistry} and Spring Boot's health contributors,
 * served at {@code /health}, {@code /health/live} and {@code /health/ready} on Spring MVC
 * and WebFlux, and published as metrics.
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
			HealthProperties properties, @Qualifier(CLOCK_BEAN_NAME) ObjectProvider<Clock> clock) {
		return new HealthEndpoints(engine, serviceName.value(), properties.getDegradedHttpStatus(), clock(clock));
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
	@ConditionalOnBooleanProperty(name = "observability.health.boot-indicators.enabled", matchIfMissing = true)
	static class BootIndicatorsConfiguration {

		@Bean
		LateHealthCheckSource observabilityBootHealthContributors(HealthProperties properties,
				ObjectProvider<org.springframework.boot.health.registry.HealthContributorRegistry> registry,
				ObjectProvider<org.springframework.boot.health.registry.ReactiveHealthContributorRegistry> reactive) {
			return (engine) -> new BootHealthContributors(engine, properties.getBootIndicators().isCritical(),
					properties.getBootIndicators().getExclude())
				.registerAll(registry.getIfAvailable(), reactive.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	static class ServletRoutesConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "observabilityHealthRoutes")
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> observabilityHealthRoutes(
				HealthEndpoints endpoints, HealthProperties properties) {
			return ServletHealthRoutes.routes(endpoints, properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
	static class ReactiveRoutesConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "observabilityHealthRoutes")
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> observabilityHealthRoutes(
				HealthEndpoints endpoints, HealthProperties properties) {
			return ReactiveHealthRoutes.routes(endpoints, properties);
		}

	}

}
