package dev.aisd.observability.tracing.internal;

import java.util.function.Function;

import dev.aisd.observability.endpoint.EndpointResponse;

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
	public EndpointResponse respond(Function<String, String> parameters) {
		TracesQuery query;
		try {
			query = TracesQuery.parse(parameters);
		}
		catch (TracesQuery.InvalidParameterException ex) {
			return EndpointResponse.json(400, SpanJsonWriter.error(ex.getMessage(), ex.parameter()));
		}
		return EndpointResponse.json(200, SpanJsonWriter.traces(this.buffer.snapshot(query.limit(), query)));
	}

}
