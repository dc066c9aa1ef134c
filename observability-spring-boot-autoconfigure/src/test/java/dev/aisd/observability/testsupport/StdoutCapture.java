package dev.aisd.observability.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tees {@link System#out} into a buffer from {@link #start()} to {@link #stop()}, so a
 * test can read every line written to stdout, including by other threads.
 */
public final class StdoutCapture {

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private PrintStream original;

	public static StdoutCapture start() {
		StdoutCapture capture = new StdoutCapture();
		capture.original = System.out;
		PrintStream original = capture.original;
		ByteArrayOutputStream buffer = capture.buffer;
		System.setOut(new PrintStream(new OutputStream() {

			@Override
			public void write(int b) {
				synchronized (buffer) {
					buffer.write(b);
				}
				original.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				synchronized (buffer) {
					buffer.write(b, off, len);
				}
				original.write(b, off, len);
			}

		}, true, StandardCharsets.UTF_8));
		return capture;
	}

	public void stop() {
		System.out.flush();
		System.setOut(this.original);
	}

	/**
	 * Return every complete line captured so far (a trailing unterminated line is left
	 * out: it is still being written).
	 * @return the lines
	 */
	public List<String> lines() {
		String text;
		synchronized (this.buffer) {
			text = this.buffer.toString(StandardCharsets.UTF_8);
		}
		List<String> lines = new ArrayList<>();
		int start = 0;
		for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
			lines.add(text.substring(start, i));
			start = i + 1;
		}
		return lines;
	}

	public String text() {
		synchronized (this.buffer) {
			return this.buffer.toString(StandardCharsets.UTF_8);
		}
	}

}
