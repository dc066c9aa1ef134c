package dev.aisd.observability.logging.internal;

import dev.aisd.observability.web.CompletedRequest;

/**
 * The fields of the {@code Handled request} line as readable text, for text logs and for
 * JSON layouts that cannot write structured arguments. Not API: may change without
 * notice.
 */
public class HandledRequestSummary {

	/** Longest raw path logged for a request that matched no route. */
	public static final int MAX_RAW_PATH_LENGTH = 256;

	private final CompletedRequest request;

	/**
	 * Create the summary of the given request.
	 * @param request the finished request
	 */
	public HandledRequestSummary(CompletedRequest request) {
		this.request = request;
	}

	/**
	 * Return the finished request.
	 * @return the request
	 */
	protected final CompletedRequest request() {
		return this.request;
	}

	/**
	 * Return the path to log: the route template, or for a request that matched no route
	 * its raw path cut to {@value #MAX_RAW_PATH_LENGTH} characters.
	 * @param request the finished request
	 * @return the path to log
	 */
	public static String path(CompletedRequest request) {
		String route = request.route();
		if (route != null) {
			return route;
		}
		String raw = request.rawPath();
		if (raw == null) {
			return null;
		}
		return (raw.length() <= MAX_RAW_PATH_LENGTH) ? raw : raw.substring(0, MAX_RAW_PATH_LENGTH) + "...";
	}

	@Override
	public String toString() {
		return "method=" + this.request.method() + " path=" + path(this.request) + " status_code="
				+ this.request.status() + " duration_seconds=" + this.request.durationSeconds() + " client_ip="
				+ this.request.clientIp();
	}

}
