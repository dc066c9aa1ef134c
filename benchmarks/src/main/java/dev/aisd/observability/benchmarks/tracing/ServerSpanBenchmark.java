package dev.aisd.observability.benchmarks.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.tracing.TracingAutoConfiguration;
import dev.aisd.observability.tracing.internal.HttpServerSpanTags;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/**
 * The server span of one request as the Servlet request filter handles it, on the
 * tracer, propagator and OpenTelemetry SDK that the auto-configurations build (Spring
 * Boot's OpenTelemetry SDK and tracing auto-configurations and ours, so the span goes
 * through the record-all sampler into the real ring-buffer processor): extract the W3C
 * context from a {@code traceparent} header or from no header, start the server span,
 * make it current, name and tag it like the filter does at the end of the request, end
 * it, read its ids for the completed request, close the scope. With {@code -prof gc}
 * this is the allocation per request of the span path. {@code baggage} is Spring Boot's
 * {@code management.tracing.baggage.enabled}; {@code traces=false} switches the starter's
 * tracing off ({@code observability.traces.enabled=false}), leaving Spring Boot's own
 * sampler, which drops 90 % of new traces without recording them: the cost of a span the
 * SDK does not record, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ServerSpanBenchmark {

	private static final Propagator.Getter<Map<String, String>> HEADERS = Map::get;

	@Param({ "traceparent", "none" })
	public String header;

	@Param({ "true", "false" })
	public boolean baggage;

	@Param({ "true" })
	public boolean traces;

	private AnnotationConfigApplicationContext context;

	private Tracer tracer;

	private Propagator propagator;

	private Map<String, String> request;

	@Setup(Level.Trial)
	public void setUp() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.application.name", "sample-service");
		// The starter's own defaults (not applied here: no environment post-processors
		// run in this bare context).
		properties.put("management.tracing.propagation.consume", "W3C");
		properties.put("management.tracing.baggage.enabled", Boolean.toString(this.baggage));
		properties.put("observability.traces.enabled", Boolean.toString(this.traces));
		this.context = new AnnotationConfigApplicationContext();
		this.context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
		this.context.register(Tracing.class);
		this.context.refresh();
		this.tracer = this.context.getBean(Tracer.class);
		this.propagator = this.context.getBean(Propagator.class);
		this.request = new HashMap<>();
		if ("traceparent".equals(this.header)) {
			// Sampled by the caller, as a request of a sampled trace arrives.
			this.request.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		}
		this.request.put("host", "localhost:8080");
		this.request.put("accept", "application/json");
		if (this.traces && this.context.getBeanProvider(SpanRingBuffer.class).getIfAvailable() == null) {
			throw new IllegalStateException("The ring buffer is not configured");
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public String serverSpan() {
		Span span = this.propagator.extract(this.request, HEADERS).kind(Span.Kind.SERVER).name("http").start();
		Tracer.SpanInScope scope = this.tracer.withSpan(span);
		try {
			HttpServerSpanTags.finish(span, "GET", "/api/ping", "/api/ping", 200, null);
			span.end();
			// What the completed request carries.
			TraceContext context = span.context();
			context.traceId();
			return context.spanId();
		}
		finally {
			scope.close();
		}
	}

	/**
	 * How many spans the ring buffer has recorded, to check that the benchmark recorded.
	 * @return the number of spans in the buffer
	 */
	int recorded() {
		SpanRingBuffer buffer = this.context.getBeanProvider(SpanRingBuffer.class).getIfAvailable();
		return (buffer != null) ? buffer.snapshot(Integer.MAX_VALUE, (span) -> true).size() : 0;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ObservabilityAutoConfiguration.class, TracingAutoConfiguration.class,
			OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
			MicrometerTracingAutoConfiguration.class })
	static class Tracing {

	}

}
