package dev.aisd.observability.tracing.internal;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordAllSampler}.
 */
class RecordAllSamplerTests {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@Test
	void shouldSampleWhenDelegateDropsThenRecordOnly() {
		RecordAllSampler sampler = RecordAllSampler.parentBasedRatio(0.0);
		assertThat(decide(sampler, Context.root())).isEqualTo(SamplingDecision.RECORD_ONLY);
	}

	@Test
	void shouldSampleWhenDelegateSamplesThenRecordAndSample() {
		RecordAllSampler sampler = RecordAllSampler.parentBasedRatio(1.0);
		assertThat(decide(sampler, Context.root())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void shouldSampleWhenParentNotSampledThenRecordOnlyEvenAtFullProbability() {
		RecordAllSampler sampler = RecordAllSampler.parentBasedRatio(1.0);
		assertThat(decide(sampler, parent(TraceFlags.getDefault()))).isEqualTo(SamplingDecision.RECORD_ONLY);
	}

	@Test
	void shouldSampleWhenParentSampledThenSampledEvenAtZeroProbability() {
		RecordAllSampler sampler = RecordAllSampler.parentBasedRatio(0.0);
		assertThat(decide(sampler, parent(TraceFlags.getSampled()))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
	}

	@Test
	void getDescriptionThenNamesDelegate() {
		assertThat(new RecordAllSampler(Sampler.alwaysOff()).getDescription())
			.isEqualTo("RecordAllSampler{export=AlwaysOffSampler}");
	}

	private static SamplingDecision decide(Sampler sampler, Context parent) {
		return sampler.shouldSample(parent, TRACE_ID, "op", SpanKind.SERVER, Attributes.empty(), List.of())
			.getDecision();
	}

	private static Context parent(TraceFlags flags) {
		SpanContext remote = SpanContext.createFromRemoteParent(TRACE_ID, "b7ad6b7169203331", flags,
				TraceState.getDefault());
		return Context.root().with(Span.wrap(remote));
	}

}
