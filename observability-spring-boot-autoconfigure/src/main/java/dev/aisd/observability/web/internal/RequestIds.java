package dev.aisd.observability.web.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Validation and generation of request ids. Not API: may change without notice.
 */
public final class RequestIds {

	/** Longest client request id that is kept. */
	public static final int MAX_LENGTH = 128;

	private static final boolean[] ALLOWED = new boolean[128];

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			ALLOWED[c] = true;
		}
		for (char c = 'A'; c <= 'Z'; c++) {
			ALLOWED[c] = true;
		}
		for (char c = '0'; c <= '9'; c++) {
			ALLOWED[c] = true;
		}
		ALLOWED['.'] = true;
		ALLOWED['_'] = true;
		ALLOWED[':'] = true;
		ALLOWED['-'] = true;
	}

	private RequestIds() {
	}

	/**
	 * Return whether a client's request id is safe to keep: 1 to {@value #MAX_LENGTH}
	 * characters of {@code [A-Za-z0-9._:-]}.
	 * @param candidate the value the client sent, may be {@code null}
	 * @return whether the value can be used as it is
	 */
	public static boolean isValid(String candidate) {
		if (candidate == null) {
			return false;
		}
		int length = candidate.length();
		if (length == 0 || length > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = candidate.charAt(i);
			if (c >= 128 || !ALLOWED[c]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the client's request id when it is valid, otherwise a new one.
	 * @param candidate the value the client sent, may be {@code null}
	 * @return a safe request id
	 */
	public static String acceptOrGenerate(String candidate) {
		return isValid(candidate) ? candidate : generate();
	}

	/**
	 * Generate a random 128-bit request id as 32 lower-case hex characters.
	 * {@link ThreadLocalRandom} rather than {@code UUID.randomUUID()}: request ids need to
	 * be unique, not unpredictable, and a shared {@code SecureRandom} is a point of
	 * contention under load.
	 * @return a new request id
	 */
	public static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] chars = new char[32];
		writeHex(random.nextLong(), chars, 0);
		writeHex(random.nextLong(), chars, 16);
		return new String(chars);
	}

	private static void writeHex(long value, char[] chars, int offset) {
		for (int i = 15; i >= 0; i--) {
			chars[offset + i] = HEX[(int) (value & 0xF)];
			value >>>= 4;
		}
	}

}
