package dev.aisd.observability.web;

import dev.aisd.observability.tracing.internal.ReactiveServerSpanConvention;
import dev.aisd.observability.web.internal.OpsTrafficObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} of the WebFlux request path: the
 * {@link ReactiveServerSpanFilter} makes the server span and reports the finished
 * request, and the HTTP handler is built without Spring's {@code http.server.requests}
 * observation (its observation registry is the no-op one), so a request is observed once
 * and without Micrometer's observation machinery. It applies with the starter's tracing
 * on and its span convention in place; with a {@code ServerRequestObservationConvention}
 * of the application's own, or with {@code observability.metrics.http.boot-meters=true}
 * (Boot's {@code http.server.requests} meters need Spring's observation), Spring's
 * observation stays and the starter reports requests from it, as before.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = RequestObservationAutoConfiguration.class,
		afterName = { "dev.aisd.observability.tracing.TracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
				"org.springframework.boot.webflux.autoconfigure.WebFluxObservationAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(name = { "io.micrometer.tracing.Tracer", "io.micrometer.tracing.propagation.Propagator",
		"io.micrometer.context.ContextRegistry",
		"org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer" })
@ConditionalOnBooleanProperty(name = "observability.traces.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "observability.metrics.http.boot-meters", havingValue = false,
		matchIfMissing = true)
@ConditionalOnBean({ Tracer.class, Propagator.class, ReactiveServerSpanConvention.class })
public final class ReactiveServerSpanAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReactiveServerSpanFilter observabilityReactiveServerSpanFilter(Tracer tracer, Propagator propagator,
			ObjectProvider<OpsTrafficObservationPredicate> opsTraffic,
			ObjectProvider<CompletedRequestListener> listeners, ObjectProvider<RequestIdWebFilter> requestIds) {
		return new ReactiveServerSpanFilter(tracer, propagator, opsTraffic.getIfAvailable(),
				listeners.orderedStream().toList(), requestIds.getIfUnique());
	}

	// HttpWebHandlerAdapter observes every request with the registry it is given; the
	// no-op registry makes that observation a no-op, which costs nothing per request,
	// unlike a predicate that would still be asked for every request.
	@Bean
	WebHttpHandlerBuilderCustomizer observabilityServerObservationDisabler() {
		return (builder) -> builder.observationRegistry(ObservationRegistry.NOOP);
	}

}
