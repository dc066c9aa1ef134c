package dev.aisd.observability.tracing;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.ServiceName;
import dev.aisd.observability.endpoint.EndpointHandler;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;
import dev.aisd.observability.endpoint.ObservabilityEndpoints;
import dev.aisd.observability.tracing.internal.CountingSpanExporter;
import dev.aisd.observability.tracing.internal.ReactiveServerSpanConvention;
import dev.aisd.observability.tracing.internal.RecordAllSampler;
import dev.aisd.observability.tracing.internal.RedactingSpanFilter;
import dev.aisd.observability.tracing.internal.RingBufferSpanProcessor;
import dev.aisd.observability.tracing.internal.ServletServerSpanConvention;
import dev.aisd.observability.tracing.internal.SpanExportMetrics;
import dev.aisd.observability.tracing.internal.SpanProcessorMeterProvider;
import dev.aisd.observability.tracing.internal.SpanRecordFactory;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import dev.aisd.observability.tracing.internal.TraceRetention;
import dev.aisd.observability.tracing.internal.TracesResponses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@link AutoConfiguration Auto-configuration} of the tracing feature on top of Spring
 * Boot's Micrometer Tracing with the OpenTelemetry bridge: every finished span of the
 * process goes into an in-memory {@link SpanRingBuffer} served at
 * {@code /observability/traces} ("local always, export sampled"), HTTP server spans are
 * named after their route, sensitive attributes are redacted, failed exports are
 * counted, and {@link TraceSpan} is backed by the application's tracer.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ObservabilityAutoConfiguration.class, beforeName = {
		// Our Sampler, SpanExporters and conventions must be registered before the
		// @ConditionalOnMissingBean defaults of these.
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration",
		"org.springframework.boot.webflux.autoconfigure.WebFluxObservationAutoConfiguration" })
@ConditionalOnClass(Tracer.class)
@EnableConfigurationProperties(TracesProperties.class)
public final class TracingAutoConfiguration {

	/** Name of the {@code /observability/traces} endpoint bean; define a bean of this name to replace it. */
	public static final String ENDPOINT_BEAN_NAME = "observabilityTracesEndpoint";

	@Bean
	TraceSpanTracerInstaller observabilityTraceSpanTracerInstaller(ObjectProvider<Tracer> tracer) {
		return new TraceSpanTracerInstaller(tracer);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "observability.traces.enabled", matchIfMissing = true)
	static class SpanBufferConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpanRingBuffer observabilitySpanRingBuffer(TracesProperties properties) {
			// OBS_TRACE_HISTORY arrives bound, as observability.traces.history (see the defaults).
			return new SpanRingBuffer(properties.getHistory(), retention(properties.getRetention()));
		}

		static TraceRetention retention(TracesProperties.Retention retention) {
			if (!retention.isEnabled()) {
				return null;
			}
			return new TraceRetention(new TraceRetention.Settings(retention.getErrorTraces(),
					retention.getSlowTracesPerRoute(), retention.getMaxRoutes(), retention.getMaxSpansPerTrace(),
					retention.getSlowWindow().toNanos()));
		}

		@Bean
		@ConditionalOnMissingBean
		TracesResponses observabilityTracesResponses(SpanRingBuffer buffer, TracesProperties properties) {
			return new TracesResponses(buffer, properties.getUiUrl());
		}

		@Bean
		@ConditionalOnMissingBean
		RedactingSpanFilter observabilityRedactingSpanFilter() {
			return new RedactingSpanFilter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "observability.traces.enabled", matchIfMissing = true)
	@ConditionalOnClass({ SdkTracerProvider.class, Sampler.class, SpanExporters.class })
	static class OpenTelemetryConfiguration {

		/**
		 * Keeps Spring Boot's parent-based ratio decision for export
		 * ({@code management.tracing.sampling.probability}, default 0.1) but records
		 * every span.
		 */
		@Bean
		@ConditionalOnMissingBean
		Sampler observabilitySampler(Environment environment) {
			double probability = environment.getProperty("management.tracing.sampling.probability", Double.class,
					0.1);
			return RecordAllSampler.parentBasedRatio(probability);
		}

		@Bean
		RingBufferSpanProcessor observabilityRingBufferSpanProcessor(SpanRingBuffer buffer,
				TracesProperties properties, ObjectProvider<ServiceName> serviceName, Environment environment) {
			String service = serviceName.getIfAvailable(() -> ServiceName.resolve(environment)).value();
			return new RingBufferSpanProcessor(buffer, new SpanRecordFactory(service, properties.getMaxAttributes(),
					properties.getMaxAttributeLength()), properties.getPath());
		}

		@Bean
		@ConditionalOnMissingBean
		SpanExportMetrics observabilitySpanExportMetrics() {
			return new SpanExportMetrics();
		}

		/**
		 * Spring Boot passes a {@code MeterProvider} bean to the {@code BatchSpanProcessor}
		 * it builds, which then reports full-queue drops through it: this one counts them.
		 * A user's own {@code MeterProvider} (an OpenTelemetry metrics SDK) wins.
		 */
		@Bean
		@ConditionalOnMissingBean(MeterProvider.class)
		SpanProcessorMeterProvider observabilitySpanProcessorMeterProvider(SpanExportMetrics metrics) {
			return new SpanProcessorMeterProvider(metrics);
		}

		@Bean
		@ConditionalOnMissingBean
		SpanExporters observabilitySpanExporters(ObjectProvider<SpanExporter> exporters, SpanExportMetrics metrics) {
			return SpanExporters.of(exporters.orderedStream()
				.map((exporter) -> (SpanExporter) new CountingSpanExporter(exporter, metrics))
				.toList());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "observability.traces.enabled", matchIfMissing = true)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = { "org.springframework.http.server.observation.ServerRequestObservationConvention",
			"org.springframework.web.servlet.function.RouterFunction" })
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean(org.springframework.http.server.observation.ServerRequestObservationConvention.class)
		ServletServerSpanConvention observabilityServerRequestObservationConvention(Environment environment) {
			return new ServletServerSpanConvention(observationName(environment));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "observability.traces.enabled", matchIfMissing = true)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = {
			"org.springframework.http.server.reactive.observation.ServerRequestObservationConvention",
			"org.springframework.web.reactive.function.server.RouterFunction" })
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean(org.springframework.http.server.reactive.observation.ServerRequestObservationConvention.class)
		ReactiveServerSpanConvention observabilityReactiveServerRequestObservationConvention(Environment environment) {
			return new ReactiveServerSpanConvention(observationName(environment));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "observability.traces.enabled", matchIfMissing = true)
	@ConditionalOnWebApplication
	static class EndpointConfiguration {

		@Bean(ENDPOINT_BEAN_NAME)
		@ConditionalOnMissingBean(name = ENDPOINT_BEAN_NAME)
		ObservabilityEndpoint observabilityTracesEndpoint(TracesProperties properties, TracesResponses responses) {
			return new ObservabilityEndpoint(ObservabilityEndpoints.TRACES, properties.getPath(),
					EndpointHandler.immediate((call) -> responses.respond(call::parameter)));
		}

	}

	static String observationName(Environment environment) {
		return environment.getProperty("management.observations.http.server.requests.name", "http.server.requests");
	}

}
