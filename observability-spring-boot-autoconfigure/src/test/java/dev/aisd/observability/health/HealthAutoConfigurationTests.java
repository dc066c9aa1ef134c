package dev.aisd.observability.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.endpoint.EndpointHandler;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.EndpointsAutoConfiguration;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;
import dev.aisd.observability.health.internal.CheckReport;
import dev.aisd.observability.health.internal.HealthCheckEngine;
import dev.aisd.observability.health.internal.HealthCheckMetrics;
import dev.aisd.observability.health.internal.HealthEndpoints;
import dev.aisd.observability.health.internal.HealthReport;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class, HealthAutoConfiguration.class));

	@Test
	void autoConfigurationWhenDefaultsThenEngineEndpointsAndNoRoutesOutsideWeb() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HealthCheckEngine.class)
				.hasSingleBean(HealthCheckRegistry.class)
				.hasSingleBean(HealthEndpoints.class)
				.doesNotHaveBean(HealthAutoConfiguration.HEALTH_ENDPOINT_BEAN_NAME)
				.doesNotHaveBean(HealthCheckMetrics.class);
			assertThat(context.getBean(HealthEndpoints.class).health().join().status()).isEqualTo(200);
		});
	}

	@Test
	void servletWhenWebApplicationThenServletRoutes() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
					HealthAutoConfiguration.class, EndpointsAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasBean(HealthAutoConfiguration.HEALTH_ENDPOINT_BEAN_NAME)
					.hasBean(HealthAutoConfiguration.LIVENESS_ENDPOINT_BEAN_NAME)
					.hasBean(HealthAutoConfiguration.READINESS_ENDPOINT_BEAN_NAME);
				assertThat(context.getBean(EndpointsAutoConfiguration.ROUTES_BEAN_NAME))
					.isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class)
					.asString()
					.contains("/health/live", "/health/ready", "/health");
			});
	}

	@Test
	void reactiveWhenWebApplicationThenReactiveRoutes() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
					HealthAutoConfiguration.class, EndpointsAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(EndpointsAutoConfiguration.ROUTES_BEAN_NAME))
				.isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class)
				.asString()
				.contains("/health/live", "/health/ready"));
	}

	@Test
	void routesWhenUserDefinesThemThenUserRoutesWin() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
					HealthAutoConfiguration.class, EndpointsAutoConfiguration.class))
			.withBean(HealthAutoConfiguration.HEALTH_ENDPOINT_BEAN_NAME, ObservabilityEndpoint.class,
					() -> new ObservabilityEndpoint("health", "/custom",
							EndpointHandler.immediate((call) -> EndpointResponse.json(200, "{}"))))
			.run((context) -> {
				assertThat(context.getBean(HealthAutoConfiguration.HEALTH_ENDPOINT_BEAN_NAME, ObservabilityEndpoint.class)
					.path()).isEqualTo("/custom");
				assertThat(context.getBean(EndpointsAutoConfiguration.ROUTES_BEAN_NAME).toString()).contains("/custom");
			});
	}

	@Test
	void servletWhenDisabledThenNoRoutes() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
					HealthAutoConfiguration.class, EndpointsAutoConfiguration.class))
			.withPropertyValues("observability.health.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(HealthAutoConfiguration.HEALTH_ENDPOINT_BEAN_NAME);
				assertThat(context.getBean(EndpointsAutoConfiguration.ROUTES_BEAN_NAME).toString())
					.doesNotContain("/health");
			});
	}

	@Test
	void autoConfigurationWhenDisabledThenNoHealthBeans() {
		this.contextRunner.withPropertyValues("observability.health.enabled=false")
			.withUserConfiguration(AnnotatedChecks.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(HealthCheckEngine.class)
				.doesNotHaveBean(HealthEndpoints.class));
	}

	@Test
	void autoConfigurationWhenUserEngineThenUserEngineWins() {
		this.contextRunner.withUserConfiguration(UserEngine.class).run((context) -> {
			assertThat(context).hasSingleBean(HealthCheckEngine.class);
			assertThat(context.getBean(HealthCheckEngine.class)).isSameAs(context.getBean("userEngine"));
		});
	}

	@Test
	void autoConfigurationWhenUserEndpointsThenUserEndpointsWin() {
		this.contextRunner.withUserConfiguration(UserEndpoints.class)
			.run((context) -> assertThat(context.getBean(HealthEndpoints.class))
				.isSameAs(context.getBean("userEndpoints")));
	}

	@Test
	void annotatedMethodsWhenAllReturnTypesThenRegisteredAndRun() {
		this.contextRunner.withUserConfiguration(AnnotatedChecks.class).run((context) -> {
			HealthReport report = context.getBean(HealthCheckEngine.class).evaluate().join();
			assertThat(report.checks()).extracting(CheckReport::name)
				.containsExactly("cache", "function", "mono", "redis", "stage");
			assertThat(check(report, "redis").detail()).containsEntry("cache_keys", 128);
			assertThat(check(report, "redis").critical()).isTrue();
			assertThat(check(report, "cache").critical()).isFalse();
			assertThat(check(report, "cache").status()).isEqualTo(HealthStatus.DEGRADED);
			assertThat(check(report, "stage").status()).isEqualTo(HealthStatus.OK);
			assertThat(check(report, "mono").status()).isEqualTo(HealthStatus.OK);
			assertThat(check(report, "function").critical()).isFalse();
			assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
			assertThat(context.getBean(HealthCheckEngine.class).getSettings("redis").timeout())
				.isEqualTo(Duration.ofMillis(1500));
		});
	}

	@Test
	void functionBeanWithoutAnnotationThenNamedAfterBean() {
		this.contextRunner.withUserConfiguration(PlainFunction.class)
			.run((context) -> assertThat(context.getBean(HealthCheckRegistry.class).getNames())
				.containsExactly("queueDepth"));
	}

	@Test
	void propertiesWhenOverridesThenApplied() {
		this.contextRunner.withUserConfiguration(AnnotatedChecks.class)
			.withPropertyValues("observability.health.checks.redis.critical=false",
					"observability.health.checks.redis.timeout=750ms",
					"observability.health.checks.redis.failure-threshold=3",
					"observability.health.checks.stage.enabled=false")
			.run((context) -> {
				HealthCheckEngine engine = context.getBean(HealthCheckEngine.class);
				assertThat(engine.getNames()).doesNotContain("stage");
				assertThat(engine.getSettings("redis").critical()).isFalse();
				assertThat(engine.getSettings("redis").timeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(engine.getSettings("redis").failureThreshold()).isEqualTo(3);
			});
	}

	@Test
	void registryWhenCheckRegisteredAtRuntimeThenReported() {
		this.contextRunner.run((context) -> {
			HealthCheckRegistry registry = context.getBean(HealthCheckRegistry.class);
			registry.register(HealthCheckOptions.of("tenant-42").withCritical(false),
					() -> HealthCheckResult.unhealthy("tenant db down"));
			HealthReport report = context.getBean(HealthCheckEngine.class).evaluate().join();
			assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
			assertThat(registry.unregister("tenant-42")).isTrue();
		});
	}

	@Test
	void metricsWhenMeterRegistryThenGaugesPerCheck() {
		this.contextRunner.withUserConfiguration(AnnotatedChecks.class, Meters.class).run((context) -> {
			context.getBean(HealthCheckEngine.class).evaluate().join();
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("health.check.status").tags("check", "redis", "status", "ok").gauge().value())
				.isEqualTo(1);
			assertThat(registry.get("health.check.duration").tag("check", "cache").gauge().value())
				.isGreaterThanOrEqualTo(0);
		});
	}

	@Test
	void validationWhenMethodHasParametersThenStartupFailsNamingBeanAndMethod() {
		this.contextRunner.withUserConfiguration(WithParameters.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method 'check' of bean 'checks'")
				.hasMessageContaining("must take no parameters"));
	}

	@Test
	void validationWhenWrongReturnTypeThenStartupFailsNamingBeanAndMethod() {
		this.contextRunner.withUserConfiguration(WrongReturnType.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method 'check' of bean")
				.hasMessageContaining("must return HealthCheckResult, CompletionStage<HealthCheckResult> or "
						+ "Mono<HealthCheckResult>, but returns java.lang.String"));
	}

	@Test
	void validationWhenStageOfWrongTypeThenStartupFails() {
		this.contextRunner.withUserConfiguration(WrongStageType.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method 'check' of bean")
				.hasMessageContaining("its value type is java.lang.String"));
	}

	@Test
	void validationWhenBlankNameThenStartupFails() {
		this.contextRunner.withUserConfiguration(BlankName.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method 'check' of bean")
				.hasMessageContaining("the name must not be blank"));
	}

	@Test
	void validationWhenBadDurationThenStartupFails() {
		this.contextRunner.withUserConfiguration(BadTimeout.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method 'check' of bean")
				.hasMessageContaining("the timeout 'soon' is not a duration"));
	}

	@Test
	void validationWhenDuplicateNamesThenStartupFailsNamingBoth() {
		this.contextRunner.withUserConfiguration(AnnotatedChecks.class, DuplicateRedis.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Duplicate health check name 'redis'")
				.hasMessageContaining("method 'redisHealth' of bean 'healthAutoConfigurationTests.AnnotatedChecks'")
				.hasMessageContaining("method 'otherRedis' of bean"));
	}

	@Test
	void bootIndicatorsWhenPresentThenChecksNonCriticalByDefaultAndPingExcluded() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.withUserConfiguration(BootIndicators.class)
			.withPropertyValues("observability.health.checks.downstream.critical=true")
			.run((context) -> {
				HealthReport report = context.getBean(HealthCheckEngine.class).evaluate().join();
				assertThat(report.checks()).extracting(CheckReport::name)
					.containsExactly("downstream", "redis", "unknownThing");
				assertThat(check(report, "redis").critical()).isFalse();
				assertThat(check(report, "redis").status()).isEqualTo(HealthStatus.ERROR);
				assertThat(check(report, "redis").detail()).containsEntry("boot_status", "DOWN")
					.containsEntry("error", "java.lang.IllegalStateException: refused");
				assertThat(check(report, "downstream").critical()).isTrue();
				assertThat(check(report, "downstream").status()).isEqualTo(HealthStatus.OK);
				assertThat(check(report, "unknownThing").status()).isEqualTo(HealthStatus.DEGRADED);
				assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
			});
	}

	@Test
	void bootHealthWhenChecksThenOurChecksContributeOnceAndAreNotImportedBack() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.withUserConfiguration(BootIndicators.class, OrdersCheck.class)
			.run((context) -> {
				HealthReport report = context.getBean(HealthCheckEngine.class).evaluate().join();
				assertThat(report.checks()).extracting(CheckReport::name)
					.containsExactly("downstream", "orders", "redis", "unknownThing");
				var registry = context.getBean(org.springframework.boot.health.registry.HealthContributorRegistry.class);
				HealthIndicator ours = (HealthIndicator) registry.getContributor("observability");
				Health health = ours.health(true);
				assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
				assertThat(health.getDetails()).containsOnlyKeys("orders");
				assertThat(health.getDetails().get("orders").toString()).contains("status=error", "critical=true",
						"queue=stuck");
			});
	}

	@Test
	void bootHealthWhenContributorDisabledThenNotInBootRegistry() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.withPropertyValues("observability.health.boot-contributor.enabled=false")
			.run((context) -> assertThat(context
				.getBean(org.springframework.boot.health.registry.HealthContributorRegistry.class)
				.getContributor("observability")).isNull());
	}

	@Test
	void bootIndicatorsWhenCompositeThenMembersAsParentSlashMember() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.withBean("clusterHealthContributor", org.springframework.boot.health.contributor.HealthContributor.class,
					() -> org.springframework.boot.health.contributor.CompositeHealthContributor.fromMap(Map.of(
							"primary", (HealthIndicator) () -> Health.up().build(), "replica",
							(HealthIndicator) () -> Health.outOfService().build())))
			.withPropertyValues("observability.health.checks[cluster/primary].critical=true")
			.run((context) -> {
				HealthReport report = context.getBean(HealthCheckEngine.class).evaluate().join();
				assertThat(check(report, "cluster/primary").critical()).isTrue();
				assertThat(check(report, "cluster/primary").status()).isEqualTo(HealthStatus.OK);
				assertThat(check(report, "cluster/replica").status()).isEqualTo(HealthStatus.ERROR);
				assertThat(check(report, "cluster/replica").detail()).containsEntry("boot_status", "OUT_OF_SERVICE");
			});
	}

	@Test
	void bootIndicatorsWhenNameClashesWithDeclaredCheckThenDeclaredCheckWins() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.withUserConfiguration(AnnotatedChecks.class, BootIndicators.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthReport report = context.getBean(HealthCheckEngine.class).evaluate().join();
				assertThat(check(report, "redis").detail()).containsEntry("cache_keys", 128);
			});
	}

	@Test
	void bootIndicatorsWhenDisabledOrCriticalByDefaultThenFollowProperties() {
		ApplicationContextRunner runner = this.contextRunner
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.withUserConfiguration(BootIndicators.class);
		runner.withPropertyValues("observability.health.boot-indicators.enabled=false")
			.run((context) -> assertThat(context.getBean(HealthCheckEngine.class).getNames()).isEmpty());
		runner.withPropertyValues("observability.health.boot-indicators.critical=true",
				"observability.health.boot-indicators.exclude=unknownThing")
			.run((context) -> {
				HealthCheckEngine engine = context.getBean(HealthCheckEngine.class);
				assertThat(engine.getNames()).containsExactly("downstream", "ping", "redis");
				assertThat(engine.getSettings("redis").critical()).isTrue();
			});
	}

	@Test
	void clockWhenNamedClockBeanThenUsedAndOtherClocksIgnored() {
		java.time.Instant pinned = java.time.Instant.parse("2030-01-01T00:00:00Z");
		this.contextRunner
			.withBean(HealthAutoConfiguration.CLOCK_BEAN_NAME, java.time.Clock.class,
					() -> java.time.Clock.fixed(pinned, java.time.ZoneOffset.UTC))
			.run((context) -> assertThat(context.getBean(HealthCheckEngine.class).evaluate().join().timestamp())
				.isEqualTo(pinned));
		this.contextRunner
			.withBean("applicationClock", java.time.Clock.class,
					() -> java.time.Clock.fixed(pinned, java.time.ZoneOffset.UTC))
			.run((context) -> assertThat(context.getBean(HealthCheckEngine.class).evaluate().join().timestamp())
				.isNotEqualTo(pinned));
	}

	@Test
	void autoConfigurationWhenReactorAbsentThenSyncChecksStillWork() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("reactor.core"))
			.withUserConfiguration(PlainFunction.class)
			.run((context) -> assertThat(context.getBean(HealthCheckEngine.class).evaluate().join().status())
				.isEqualTo(HealthStatus.OK));
	}

	@Test
	void validationWhenReactorAbsentThenMonoMethodRejected() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("reactor.core"))
			.withUserConfiguration(MonoCheck.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("method 'mono' of bean")
				.hasMessageContaining("must return HealthCheckResult"));
	}

	private static CheckReport check(HealthReport report, String name) {
		return report.checks().stream().filter((check) -> check.name().equals(name)).findFirst().orElseThrow();
	}

	@Configuration(proxyBeanMethods = false)
	static class AnnotatedChecks {

		@HealthCheck(name = "redis", timeout = "1500ms")
		HealthCheckResult redisHealth() {
			return HealthCheckResult.healthy(Map.of("cache_keys", 128));
		}

		@HealthCheck(name = "cache", critical = false)
		HealthCheckResult cache() {
			return HealthCheckResult.degraded("slow");
		}

		@HealthCheck(name = "stage")
		CompletionStage<HealthCheckResult> stage() {
			return CompletableFuture.supplyAsync(HealthCheckResult::healthy);
		}

		@HealthCheck(name = "mono")
		Mono<HealthCheckResult> mono() {
			return Mono.fromSupplier(HealthCheckResult::healthy);
		}

		@Bean
		FunctionCheck functionCheck() {
			return new FunctionCheck();
		}

	}

	@HealthCheck(name = "function", critical = false)
	static class FunctionCheck implements HealthCheckFunction {

		@Override
		public HealthCheckResult check() {
			return HealthCheckResult.healthy();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MonoCheck {

		@HealthCheck(name = "mono")
		Mono<HealthCheckResult> mono() {
			return Mono.empty();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainFunction {

		@Bean
		HealthCheckFunction queueDepth() {
			return HealthCheckResult::healthy;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEngine {

		@Bean(destroyMethod = "close")
		HealthCheckEngine userEngine() {
			return new HealthCheckEngine(new HealthCheckEngine.EngineSettings(1, 1, Duration.ofSeconds(1),
					Duration.ZERO, 100), java.time.Clock.systemUTC(), java.util.function.Function.identity());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEndpoints {

		@Bean
		HealthEndpoints userEndpoints(HealthCheckEngine engine) {
			return new HealthEndpoints(engine, "custom", 207, java.time.Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WithParameters {

		@Bean
		Checks checks() {
			return new Checks();
		}

		static class Checks {

			@HealthCheck(name = "x")
			HealthCheckResult check(String argument) {
				return HealthCheckResult.healthy();
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WrongReturnType {

		@HealthCheck(name = "x")
		String check() {
			return "ok";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WrongStageType {

		@HealthCheck(name = "x")
		CompletableFuture<String> check() {
			return CompletableFuture.completedFuture("ok");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BlankName {

		@HealthCheck(name = "  ")
		HealthCheckResult check() {
			return HealthCheckResult.healthy();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadTimeout {

		@HealthCheck(name = "x", timeout = "soon")
		HealthCheckResult check() {
			return HealthCheckResult.healthy();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateRedis {

		@HealthCheck(name = "redis")
		HealthCheckResult otherRedis() {
			return HealthCheckResult.healthy();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersCheck {

		@HealthCheck(name = "orders")
		HealthCheckResult orders() {
			return HealthCheckResult.unhealthy(Map.of("queue", "stuck"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BootIndicators {

		@Bean
		HealthIndicator redisHealthIndicator() {
			return () -> Health.down(new IllegalStateException("refused")).build();
		}

		@Bean
		HealthIndicator downstreamHealthContributor() {
			return () -> Health.up().withDetail("latency_ms", 4).build();
		}

		@Bean
		ReactiveHealthIndicator unknownThingHealthIndicator() {
			return () -> Mono.just(Health.unknown().build());
		}

	}

}
