package dev.aisd.observability.tracing.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter alone on its cache lines (padding as in the LMAX Disruptor's {@code Sequence}),
 * so that incrementing it does not invalidate the read-mostly fields writers read next to
 * it, nor the counter of another stripe.
 */
final class PaddedSequence extends SequenceRightPadding {

	private static final VarHandle VALUE;

	static {
		try {
			VALUE = MethodHandles.lookup().findVarHandle(SequenceValue.class, "value", long.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	/**
	 * Return the current value and add one.
	 * @return the value before the increment
	 */
	long getAndIncrement() {
		return (long) VALUE.getAndAdd(this, 1L);
	}

	/**
	 * Add one unless another thread changes the value at the same moment: one
	 * compare-and-set, so that a writer learns that it shares the counter (as
	 * {@code LongAdder} learns it from a failed CAS on a cell).
	 * @return the value before the increment, or {@code -1} when the compare-and-set
	 * failed and nothing was added
	 */
	long tryIncrement() {
		long current = (long) VALUE.getVolatile(this);
		return VALUE.compareAndSet(this, current, current + 1) ? current : -1;
	}

	/**
	 * Return the current value.
	 * @return the value
	 */
	long get() {
		return (long) VALUE.getVolatile(this);
	}

}

@SuppressWarnings("unused")
class SequenceLeftPadding {

	protected long p1, p2, p3, p4, p5, p6, p7;

}

class SequenceValue extends SequenceLeftPadding {

	protected volatile long value;

}

@SuppressWarnings("unused")
class SequenceRightPadding extends SequenceValue {

	protected long p9, p10, p11, p12, p13, p14, p15;

}
