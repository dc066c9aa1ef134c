package dev.aisd.observability.console;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.ServiceName;
import dev.aisd.observability.console.internal.ConsoleAssets;
import dev.aisd.observability.console.internal.ConsolePage;
import dev.aisd.observability.console.internal.ConsoleResponses;
import dev.aisd.observability.console.internal.RouteRedSummary;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;
import dev.aisd.observability.endpoint.ObservabilityEndpoints;
import dev.aisd.observability.health.internal.HealthCheckEngine;
import dev.aisd.observability.health.internal.HealthTransitionHistory;
import dev.aisd.observability.security.SecurityKpis;
import dev.aisd.observability.security.SecurityMetricsCollector;
import dev.aisd.observability.tracing.TracesProperties;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * {@link AutoConfiguration Auto-configuration} of the console page,
 * {@code GET /observability}: an {@link ObservabilityEndpoint} with id
 * {@value ObservabilityEndpoints#CONSOLE}, served like the other endpoints (application
 * or management port, exposure switches, security matchers), with its script, style sheet
 * and the data it polls on the same path. Each feature the page shows is optional: the
 * page leaves out what is switched off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class,
		afterName = { "dev.aisd.observability.health.HealthAutoConfiguration",
				"dev.aisd.observability.tracing.TracingAutoConfiguration",
				"dev.aisd.observability.security.autoconfigure.SecurityMetricsAutoConfiguration" },
		beforeName = "dev.aisd.observability.endpoint.EndpointsAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "observability.console.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConsoleProperties.class)
public final class ConsoleAutoConfiguration {

	/** Name of the console endpoint bean; define a bean of this name to replace it. */
	public static final String ENDPOINT_BEAN_NAME = "observabilityConsoleEndpoint";

	@Bean(ENDPOINT_BEAN_NAME)
	@ConditionalOnMissingBean(name = ENDPOINT_BEAN_NAME)
	ObservabilityEndpoint observabilityConsoleEndpoint(ConsoleProperties properties, ServiceName serviceName,
			ApplicationContext context, ObjectProvider<ObservabilityEndpoints> endpoints,
			ObjectProvider<SpanRingBuffer> buffer, ObjectProvider<TracesProperties> tracesProperties,
			ObjectProvider<HealthCheckEngine> engine, ObjectProvider<HealthTransitionHistory> history,
			ObjectProvider<MeterRegistry> registry, ObjectProvider<PrometheusMeterRegistry> prometheus,
			ObjectProvider<SecurityMetricsCollector> collector,
			ObjectProvider<BuildProperties> buildProperties) {
		String version = version(buildProperties.getIfAvailable(), context);
		// The registry that /metrics serves: its histograms are cumulative, which the
		// window arithmetic needs; a composite would answer from its first child.
		MeterRegistry meterRegistry = prometheus.getIfAvailable();
		if (meterRegistry == null) {
			meterRegistry = registry.getIfAvailable();
		}
		RouteRedSummary routes = (meterRegistry != null) ? new RouteRedSummary(meterRegistry,
				properties.getRoutesWindow().toNanos(), Math.max(properties.getPollInterval().toNanos(), 1)) : null;
		TracesProperties traces = tracesProperties.getIfAvailable();
		ConsoleResponses.Sources sources = new ConsoleResponses.Sources(
				() -> summary(serviceName.value(), version, engine.getIfAvailable(), collector.getIfAvailable()),
				() -> dataAttributes(properties, endpoints.getIfAvailable(), traces), buffer.getIfAvailable(),
				(traces != null) ? traces.getUiUrl() : null, history.getIfAvailable(), routes);
		return new ObservabilityEndpoint(ObservabilityEndpoints.CONSOLE, properties.getPath(),
				new ConsoleResponses(sources, ConsoleAssets.load(ConsoleAutoConfiguration.class.getClassLoader())));
	}

	static CompletionStage<ConsolePage.Summary> summary(String service, String version, HealthCheckEngine engine,
			SecurityMetricsCollector collector) {
		Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
		Integer threatLevel = null;
		String threatStatus = null;
		if (collector != null) {
			SecurityKpis kpis = collector.currentKpis();
			threatLevel = kpis.threatLevel();
			threatStatus = (kpis.threatLevelStatus() != null)
					? kpis.threatLevelStatus().name().toLowerCase(Locale.ROOT) : null;
		}
		Integer level = threatLevel;
		String status = threatStatus;
		String renderedAt = Instant.now(Clock.systemUTC()).truncatedTo(ChronoUnit.SECONDS).toString();
		CompletionStage<String> health = (engine != null)
				? engine.evaluate().thenApply((report) -> report.status().value()).exceptionally((ex) -> null)
				: CompletableFuture.completedFuture(null);
		return health
			.thenApply((overall) -> new ConsolePage.Summary(service, version, uptime, overall, level, status, renderedAt));
	}

	static Map<String, String> dataAttributes(ConsoleProperties properties, ObservabilityEndpoints endpoints,
			TracesProperties traces) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("console-path", properties.getPath());
		attributes.put("poll-ms", Long.toString(Math.max(properties.getPollInterval().toMillis(), 500)));
		if (endpoints != null) {
			path(attributes, "traces-path", endpoints.paths(ObservabilityEndpoints.TRACES));
			path(attributes, "health-path", endpoints.paths(ObservabilityEndpoints.HEALTH));
			path(attributes, "scorecard-path", endpoints.paths(ObservabilityEndpoints.SCORECARD));
		}
		if (traces != null && traces.getUiUrl() != null && !traces.getUiUrl().isBlank()) {
			attributes.put("trace-ui", traces.getUiUrl());
		}
		return attributes;
	}

	private static void path(Map<String, String> attributes, String name, List<String> paths) {
		if (!paths.isEmpty()) {
			attributes.put(name, paths.get(0));
		}
	}

	static String version(BuildProperties buildProperties, ApplicationContext context) {
		if (buildProperties != null && buildProperties.getVersion() != null) {
			return buildProperties.getVersion();
		}
		for (Object application : context.getBeansWithAnnotation(SpringBootConfiguration.class).values()) {
			Package pkg = ClassUtils.getUserClass(application).getPackage();
			if (pkg != null && pkg.getImplementationVersion() != null) {
				return pkg.getImplementationVersion();
			}
		}
		return "unknown";
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(HealthCheckEngine.class)
	static class HealthHistoryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HealthTransitionHistory observabilityHealthTransitionHistory(ConsoleProperties properties) {
			return new HealthTransitionHistory(properties.getHealthHistory());
		}

	}

}
