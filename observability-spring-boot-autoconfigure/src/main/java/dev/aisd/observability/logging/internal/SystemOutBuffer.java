package dev.aisd.observability.logging.internal;

import java.io.BufferedOutputStream;
import java.io.OutputStream;

/**
 * An output stream over whatever {@link System#out} is at the time of writing (so that
 * {@code System.setOut} keeps working, as with logback's own console target), buffered so
 * that a batch of log lines reaches the operating system as one write. Closing it flushes
 * and leaves {@code System.out} open. Not API: may change without notice.
 */
public final class SystemOutBuffer extends BufferedOutputStream {

	/** Size of the buffer: a batch of about fifty JSON lines per write. */
	static final int SIZE = 16 * 1024;

	/**
	 * Create a buffer over {@link System#out}.
	 */
	public SystemOutBuffer() {
		super(new SystemOut(), SIZE);
	}

	@Override
	public void close() {
		try {
			flush();
		}
		catch (java.io.IOException ex) {
			// System.out (a PrintStream) reports no I/O errors; nothing to do.
		}
	}

	private static final class SystemOut extends OutputStream {

		@Override
		public void write(int b) {
			System.out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			System.out.write(b, off, len);
		}

		@Override
		public void flush() {
			System.out.flush();
		}

	}

}
