package dev.aisd.observability.tracing;

import io.micrometer.tracing.Tracer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Backs {@link TraceSpan} with the application's {@link Tracer} once every singleton
 * exists, and falls back to the no-op tracer when the context closes.
 */
final class TraceSpanTracerInstaller implements SmartInitializingSingleton, DisposableBean {

	private final ObjectProvider<Tracer> tracerProvider;

	private Tracer installed;

	TraceSpanTracerInstaller(ObjectProvider<Tracer> tracerProvider) {
		this.tracerProvider = tracerProvider;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.installed = this.tracerProvider.getIfUnique();
		if (this.installed != null) {
			TraceSpan.useTracer(this.installed);
		}
	}

	@Override
	public void destroy() {
		if (this.installed != null) {
			TraceSpan.releaseTracer(this.installed);
		}
	}

}
