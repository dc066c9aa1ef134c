package dev.aisd.observability.tracing.internal;

import java.util.function.Function;

/**
 * The web-stack independent part of {@code GET /observability/traces}: validate the
 * query, read the buffer, write the JSON.
 */
public final class TracesResponses {

	private final SpanRingBuffer buffer;

	/**
	 * Create the responder.
	 * @param buffer the span buffer to serve
	 */
	public TracesResponses(SpanRingBuffer buffer) {
		this.buffer = buffer;
	}

	/**
	 * Answer one request.
	 * @param parameters the first value of each query parameter, {@code null} when absent
	 * @return the response
	 */
	public Response respond(Function<String, String> parameters) {
		TracesQuery query;
		try {
			query = TracesQuery.parse(parameters);
		}
		catch (TracesQuery.InvalidParameterException ex) {
			return new Response(400, SpanJsonWriter.error(ex.getMessage(), ex.parameter()));
		}
		return new Response(200, SpanJsonWriter.traces(this.buffer.snapshot(query.limit(), query)));
	}

	/**
	 * A response.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body in UTF-8
	 */
	public record Response(int status, byte[] body) {

	}

}
