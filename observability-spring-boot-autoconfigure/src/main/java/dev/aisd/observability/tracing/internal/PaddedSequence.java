package dev.aisd.observability.tracing.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter alone on its cache lines (padding as in the LMAX Disruptor's {@code Sequence}),
 * so that incrementing it does not invalidate the read-mostly fields writers read next to
 * it.
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
