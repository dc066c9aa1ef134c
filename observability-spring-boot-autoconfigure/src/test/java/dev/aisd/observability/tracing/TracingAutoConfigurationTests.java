package dev.aisd.observability.tracing;

import java.time.Duration;

import java.util.List;
import java.util.Map;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.ObservabilityDefaultsEnvironmentPostProcessor;
import dev.aisd.observability.tracing.internal.CountingSpanExporter;
import dev.aisd.observability.tracing.internal.ReactiveServerSpanConvention;
import dev.aisd.observability.tracing.internal.RecordAllSampler;
import dev.aisd.observability.tracing.internal.RedactingSpanFilter;
import dev.aisd.observability.tracing.internal.RingBufferSpanProcessor;
import dev.aisd.observability.tracing.internal.ServletServerSpanConvention;
import dev.aisd.observability.tracing.internal.SpanExportMetrics;
import dev.aisd.observability.tracing.internal.SpanProcessorMeterProvider;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import dev.aisd.observability.tracing.internal.TraceRetention;
import dev.aisd.observability.tracing.internal.TracesResponses;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracingAutoConfiguration}.
 */
class TracingAutoConfigurationTests {

	private static final AutoConfigurations TRACING = AutoConfigurations.of(ObservabilityAutoConfiguration.class,
			TracingAutoConfiguration.class,
			org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration.class,
			org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration.class,
			org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration.class,
			org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(TRACING)
		.withPropertyValues("spring.application.name=runner");

	@Test
	void autoConfigurationThenBufferSamplerProcessorAndExportAccounting() {
		this.contextRunner.withUserConfiguration(ExporterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SpanRingBuffer.class);
			assertThat(context.getBean(SpanRingBuffer.class).capacity()).isEqualTo(512);
			assertThat(context).hasSingleBean(Sampler.class);
			assertThat(context.getBean(Sampler.class)).isInstanceOf(RecordAllSampler.class);
			assertThat(context.getBean(Sampler.class).getDescription())
				.isEqualTo("RecordAllSampler{export=ParentBased{root:TraceIdRatioBased{0.100000},"
						+ "remoteParentSampled:AlwaysOnSampler,remoteParentNotSampled:AlwaysOffSampler,"
						+ "localParentSampled:AlwaysOnSampler,localParentNotSampled:AlwaysOffSampler}}");
			assertThat(context).hasSingleBean(RingBufferSpanProcessor.class);
			assertThat(context).hasSingleBean(RedactingSpanFilter.class);
			assertThat(context).hasSingleBean(SpanExportMetrics.class);
			assertThat(context).hasSingleBean(SpanProcessorMeterProvider.class);
			assertThat(context).hasSingleBean(SpanExporters.class);
			assertThat(context.getBean(SpanExporters.class).list()).singleElement()
				.isInstanceOf(CountingSpanExporter.class);
		});
	}

	@Test
	void samplingProbabilityWhenSetThenUsedForExportDecision() {
		this.contextRunner.withPropertyValues("management.tracing.sampling.probability=0.25")
			.run((context) -> assertThat(context.getBean(Sampler.class).getDescription())
				.contains("TraceIdRatioBased{0.250000}"));
	}

	@Test
	void spansWhenSamplerDropsForExportThenAllRecordedLocallyAndNoneExported() {
		this.contextRunner.withUserConfiguration(ExporterConfiguration.class)
			.withPropertyValues("management.tracing.sampling.probability=0.0")
			.run((context) -> {
				Tracer tracer = context.getBean(Tracer.class);
				for (int i = 0; i < 50; i++) {
					tracer.nextSpan().name("op-" + i).start().end();
				}
				context.getBean(SdkTracerProvider.class).forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
				List<SpanRecord> recorded = context.getBean(SpanRingBuffer.class).snapshot(512, (span) -> true);
				assertThat(recorded).hasSize(50);
				assertThat(recorded.get(0).name()).isEqualTo("op-0");
				assertThat(recorded.get(0).service()).isEqualTo("runner");
				assertThat(context.getBean(InMemorySpanExporter.class).getFinishedSpanItems()).isEmpty();
			});
	}

	@Test
	void spansWhenSamplerKeepsForExportThenRecordedAndExported() {
		this.contextRunner.withUserConfiguration(ExporterConfiguration.class)
			.withPropertyValues("management.tracing.sampling.probability=1.0")
			.run((context) -> {
				Tracer tracer = context.getBean(Tracer.class);
				for (int i = 0; i < 20; i++) {
					tracer.nextSpan().name("op-" + i).start().end();
				}
				context.getBean(SdkTracerProvider.class).forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(context.getBean(SpanRingBuffer.class).snapshot(512, (span) -> true)).hasSize(20);
				assertThat(context.getBean(InMemorySpanExporter.class).getFinishedSpanItems()).hasSize(20);
			});
	}

	@Test
	void exportWhenExporterFailsThenFailedSpansCounted() {
		this.contextRunner.withUserConfiguration(ExporterConfiguration.class)
			.withPropertyValues("management.tracing.sampling.probability=1.0")
			.run((context) -> {
				// A stopped exporter fails every export, like a collector that is down.
				context.getBean(InMemorySpanExporter.class).shutdown();
				Tracer tracer = context.getBean(Tracer.class);
				for (int i = 0; i < 7; i++) {
					tracer.nextSpan().name("op-" + i).start().end();
				}
				context.getBean(SdkTracerProvider.class).forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(context.getBean(SpanExportMetrics.class).failed()).isEqualTo(7);
			});
	}

	@Test
	void userSamplerWhenDefinedThenBacksOff() {
		this.contextRunner.withUserConfiguration(SamplerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(Sampler.class);
			assertThat(context.getBean(Sampler.class)).isSameAs(context.getBean(SamplerConfiguration.class).sampler);
			assertThat(context).hasSingleBean(SpanRingBuffer.class);
		});
	}

	@Test
	void userMeterProviderWhenDefinedThenBacksOff() {
		this.contextRunner.withBean(io.opentelemetry.api.metrics.MeterProvider.class,
				io.opentelemetry.api.metrics.MeterProvider::noop)
			.run((context) -> assertThat(context).doesNotHaveBean(SpanProcessorMeterProvider.class)
				.hasSingleBean(io.opentelemetry.api.metrics.MeterProvider.class));
	}

	@Test
	void userBufferWhenDefinedThenBacksOff() {
		this.contextRunner.withBean(SpanRingBuffer.class, () -> new SpanRingBuffer(4))
			.run((context) -> assertThat(context.getBean(SpanRingBuffer.class).capacity()).isEqualTo(4));
	}

	@Test
	void disabledThenNothingButTraceSpanBacking() {
		this.contextRunner.withPropertyValues("observability.traces.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(SpanRingBuffer.class);
			assertThat(context).doesNotHaveBean(RingBufferSpanProcessor.class);
			assertThat(context).doesNotHaveBean(RedactingSpanFilter.class);
			assertThat(context.getBean(Sampler.class)).isNotInstanceOf(RecordAllSampler.class);
			assertThat(context).hasSingleBean(TraceSpanTracerInstaller.class);
		});
	}

	@Test
	void historyWhenPropertySetThenCapacity() {
		this.contextRunner.withPropertyValues("observability.traces.history=100")
			.run((context) -> assertThat(context.getBean(SpanRingBuffer.class).capacity()).isEqualTo(100));
	}

	@Test
	void retentionByDefaultThenErrorAndSlowReservoirsWithDefaultSizes() {
		this.contextRunner.run((context) -> assertThat(context.getBean(SpanRingBuffer.class).retention().settings())
			.isEqualTo(new TraceRetention.Settings(32, 3, 16, 16, Duration.ofMinutes(15).toNanos())));
	}

	@Test
	void retentionWhenPropertiesSetThenSizes() {
		this.contextRunner
			.withPropertyValues("observability.traces.retention.error-traces=5",
					"observability.traces.retention.slow-traces-per-route=2",
					"observability.traces.retention.max-routes=7",
					"observability.traces.retention.max-spans-per-trace=9",
					"observability.traces.retention.slow-window=30s")
			.run((context) -> assertThat(context.getBean(SpanRingBuffer.class).retention().settings())
				.isEqualTo(new TraceRetention.Settings(5, 2, 7, 9, Duration.ofSeconds(30).toNanos())));
	}

	@Test
	void retentionWhenDisabledThenRingOnly() {
		this.contextRunner.withPropertyValues("observability.traces.retention.enabled=false")
			.run((context) -> assertThat(context.getBean(SpanRingBuffer.class).retention()).isNull());
	}

	@Test
	void retentionWhenSizeOutOfRangeThenFailsWithClearMessage() {
		this.contextRunner.withPropertyValues("observability.traces.retention.max-spans-per-trace=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("Spans per retained trace must be between 1 and 4096 but was 0");
		});
	}

	@Test
	void uiUrlWhenSetThenEverySpanLinksToItsTrace() {
		this.contextRunner.withPropertyValues("observability.traces.ui-url=http://zipkin:9411/zipkin/traces/{trace_id}")
			.run((context) -> {
				context.getBean(SpanRingBuffer.class)
					.record(new SpanRecord("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null, "op",
							"internal", "ok", "svc", 0, 1, dev.aisd.observability.tracing.internal.SpanAttributes.EMPTY));
				String body = new String(context.getBean(TracesResponses.class).respond((name) -> null).body(),
						java.nio.charset.StandardCharsets.UTF_8);
				assertThat(body).contains(
						"\"trace_url\":\"http://zipkin:9411/zipkin/traces/0af7651916cd43dd8448eb211c80319c\"");
			});
	}

	@Test
	void uiUrlWhenUnsetThenNoLink() {
		this.contextRunner.run((context) -> {
			context.getBean(SpanRingBuffer.class)
				.record(new SpanRecord("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null, "op", "internal",
						"ok", "svc", 0, 1, dev.aisd.observability.tracing.internal.SpanAttributes.EMPTY));
			assertThat(new String(context.getBean(TracesResponses.class).respond((name) -> null).body(),
					java.nio.charset.StandardCharsets.UTF_8)).contains("\"trace_id\"").doesNotContain("trace_url");
		});
	}

	@Test
	void historyWhenOnlyObsTraceHistoryVariableThenCapacity() {
		this.contextRunner.withInitializer(TracingAutoConfigurationTests::applyStarterDefaults)
			.withPropertyValues("OBS_TRACE_HISTORY=64")
			.run((context) -> assertThat(context.getBean(SpanRingBuffer.class).capacity()).isEqualTo(64));
	}

	@Test
	void historyWhenBothSetThenPropertyWins() {
		this.contextRunner.withInitializer(TracingAutoConfigurationTests::applyStarterDefaults)
			.withPropertyValues("OBS_TRACE_HISTORY=64", "observability.traces.history=32")
			.run((context) -> assertThat(context.getBean(SpanRingBuffer.class).capacity()).isEqualTo(32));
	}

	@Test
	void historyWhenObsTraceHistoryNotANumberThenFailsWithClearMessage() {
		this.contextRunner.withInitializer(TracingAutoConfigurationTests::applyStarterDefaults)
			.withPropertyValues("OBS_TRACE_HISTORY=lots").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("OBS_TRACE_HISTORY must be a number of spans but was 'lots'");
		});
	}

	@Test
	void historyWhenZeroThenFailsWithClearMessage() {
		this.contextRunner.withPropertyValues("observability.traces.history=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("Span history capacity must be between 1 and 1048576 but was 0");
		});
	}

	@Test
	void openTelemetrySdkAbsentThenBufferOnly() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SdkTracerProvider.class)).run((context) -> {
			assertThat(context).hasSingleBean(SpanRingBuffer.class);
			assertThat(context).doesNotHaveBean(RingBufferSpanProcessor.class);
			assertThat(context).doesNotHaveBean(RecordAllSampler.class);
		});
	}

	@Test
	void micrometerTracingAbsentThenBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpanRingBuffer.class)
				.doesNotHaveBean(TraceSpanTracerInstaller.class));
	}

	@Test
	void traceSpanWhenContextRunningThenBackedByTracerAndNoOpAfterClose() {
		this.contextRunner.withPropertyValues("management.tracing.sampling.probability=0.0").run((context) -> {
			try (TraceSpan span = TraceSpan.start("api.op", Map.of("foo", "bar", "n", 2, "ok", true, "x", 1.5))) {
				assertThat(span.traceId()).hasSize(32);
				Span current = Span.current();
				assertThat(current.getSpanContext().getSpanId()).isEqualTo(span.spanId());
			}
			SpanRecord recorded = context.getBean(SpanRingBuffer.class).snapshot(1, (span) -> true).get(0);
			assertThat(recorded.name()).isEqualTo("api.op");
			assertThat(recorded.attributes().asMap()).containsEntry("foo", "bar")
				.containsEntry("n", 2L)
				.containsEntry("ok", true)
				.containsEntry("x", 1.5);
		});
		try (TraceSpan span = TraceSpan.start("after.close", null)) {
			assertThat(span.traceId()).isEmpty();
		}
	}

	@Test
	void servletApplicationThenConventionAndRoute() {
		new WebApplicationContextRunner().withConfiguration(TRACING).run((context) -> {
			assertThat(context).hasSingleBean(ServletServerSpanConvention.class);
			assertThat(context).hasBean(TracingAutoConfiguration.ENDPOINT_BEAN_NAME);
			assertThat(context).doesNotHaveBean(ReactiveServerSpanConvention.class);
		});
	}

	@Test
	void servletApplicationWhenUserConventionThenBacksOff() {
		new WebApplicationContextRunner().withConfiguration(TRACING)
			.withBean(ServerRequestObservationConvention.class, DefaultServerRequestObservationConvention::new)
			.run((context) -> assertThat(context).doesNotHaveBean(ServletServerSpanConvention.class)
				.hasSingleBean(ServerRequestObservationConvention.class));
	}

	@Test
	void servletApplicationWhenDisabledThenNoRoute() {
		new WebApplicationContextRunner().withConfiguration(TRACING)
			.withPropertyValues("observability.traces.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TracingAutoConfiguration.ENDPOINT_BEAN_NAME)
				.doesNotHaveBean(ServletServerSpanConvention.class));
	}

	@Test
	void reactiveApplicationThenConventionPreferredOverBootDefaultAndRoute() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
					TracingAutoConfiguration.class,
					org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration.class,
					org.springframework.boot.webflux.autoconfigure.WebFluxObservationAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(
						org.springframework.http.server.reactive.observation.ServerRequestObservationConvention.class);
				assertThat(context).hasSingleBean(ReactiveServerSpanConvention.class);
				assertThat(context).hasBean(TracingAutoConfiguration.ENDPOINT_BEAN_NAME);
				assertThat(context).doesNotHaveBean(ServletServerSpanConvention.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class ExporterConfiguration {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SamplerConfiguration {

		final Sampler sampler = Sampler.alwaysOn();

		@Bean
		Sampler userSampler() {
			return this.sampler;
		}

	}

	// OBS_TRACE_HISTORY is an alias the starter's defaults post-processor resolves, which a
	// context runner does not run by itself.
	private static void applyStarterDefaults(ConfigurableApplicationContext context) {
		new ObservabilityDefaultsEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(),
				new SpringApplication());
	}

}
