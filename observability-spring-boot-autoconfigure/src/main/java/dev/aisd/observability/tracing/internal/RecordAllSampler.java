package dev.aisd.observability.tracing.internal;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Local always, export sampled: keeps the export decision of a delegate sampler but turns
 * {@link SamplingDecision#DROP} into {@link SamplingDecision#RECORD_ONLY}, so every span
 * is recorded (and reaches the ring buffer) while only sampled spans carry the sampled
 * flag that exporting span processors and downstream services honour.
 */
public final class RecordAllSampler implements Sampler {

	private final Sampler exportSampler;

	/**
	 * Create a sampler.
	 * @param exportSampler the sampler that decides which spans are exported
	 */
	public RecordAllSampler(Sampler exportSampler) {
		this.exportSampler = exportSampler;
	}

	/**
	 * Create the sampler Spring Boot would use, parent-based trace-id ratio, wrapped.
	 * @param probability the probability that a new trace is exported, from 0 to 1
	 * @return the sampler
	 */
	public static RecordAllSampler parentBasedRatio(double probability) {
		return new RecordAllSampler(Sampler.parentBased(Sampler.traceIdRatioBased(probability)));
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		SamplingResult result = this.exportSampler.shouldSample(parentContext, traceId, name, spanKind, attributes,
				parentLinks);
		return (result.getDecision() == SamplingDecision.DROP) ? SamplingResult.recordOnly() : result;
	}

	@Override
	public String getDescription() {
		return "RecordAllSampler{export=" + this.exportSampler.getDescription() + "}";
	}

	@Override
	public String toString() {
		return getDescription();
	}

}
