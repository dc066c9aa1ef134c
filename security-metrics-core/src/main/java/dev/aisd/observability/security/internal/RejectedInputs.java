package dev.aisd.observability.security.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the inputs the collector rejected or corrected, by reason, in
 * {@code security_metrics_rejected_inputs_total{reason}}. One counter per reason is
 * registered up front, so counting costs no registry lookup.
 */
public final class RejectedInputs {

	/** Micrometer name of the counter. */
	public static final String METER_NAME = "security.metrics.rejected.inputs";

	/** Why an input was rejected or corrected. */
	public enum Reason {

		/** A required label value was {@code null} or empty; recorded as {@code unknown}. */
		MISSING_LABEL("missing_label"),

		/** A score was {@code NaN}, infinite or outside 0..1; the score was dropped. */
		INVALID_SCORE("invalid_score"),

		/** A duration was {@code NaN}, infinite or negative; it was dropped. */
		INVALID_DURATION("invalid_duration"),

		/** A gauge value was {@code NaN} or infinite; the gauge kept its value. */
		NOT_FINITE("not_finite"),

		/** A gauge value was outside its documented range; it was clamped into it. */
		OUT_OF_RANGE("out_of_range"),

		/** The security event listener threw; the event was recorded in the meters only. */
		LISTENER_FAILED("listener_failed");

		private final String tagValue;

		Reason(String tagValue) {
			this.tagValue = tagValue;
		}

		/**
		 * Return the value of the {@code reason} label.
		 * @return the label value
		 */
		public String tagValue() {
			return this.tagValue;
		}

	}

	private final Counter[] counters;

	/**
	 * Register the counters.
	 * @param registry the registry
	 */
	public RejectedInputs(MeterRegistry registry) {
		Reason[] reasons = Reason.values();
		this.counters = new Counter[reasons.length];
		for (Reason reason : reasons) {
			this.counters[reason.ordinal()] = Counter.builder(METER_NAME)
				.description("Inputs the security metrics collector rejected or corrected instead of throwing")
				.tag("reason", reason.tagValue())
				.register(registry);
		}
	}

	/**
	 * Count one rejected or corrected input.
	 * @param reason why
	 */
	public void count(Reason reason) {
		this.counters[reason.ordinal()].increment();
	}

}
