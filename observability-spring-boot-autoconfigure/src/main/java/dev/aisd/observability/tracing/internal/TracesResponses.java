package dev.aisd.observability.tracing.internal;

import java.util.function.Function;

import dev.aisd.observability.endpoint.EndpointResponse;

/**
 * The web-stack independent part of {@code GET /observability/traces}: validate the
 * query, read the buffer, write the JSON.
 */
public final class TracesResponses {

	private final SpanRingBuffer buffer;

	private final SpanJsonWriter.TraceUrl traceUrl;

	/**
	 * Create the responder.
	 * @param buffer the span buffer to serve
	 */
	public TracesResponses(SpanRingBuffer buffer) {
		this(buffer, null);
	}

	/**
	 * Create the responder, linking each span to its trace in a trace UI.
	 * @param buffer the span buffer to serve
	 * @param traceUrl the trace link template ({@code {trace_id}} stands for the trace
	 * id), or {@code null} for no link
	 */
	public TracesResponses(SpanRingBuffer buffer, String traceUrl) {
		this.buffer = buffer;
		this.traceUrl = SpanJsonWriter.TraceUrl.of(traceUrl);
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
		return EndpointResponse.json(200,
				SpanJsonWriter.traces(this.buffer.snapshot(query.limit(), query), this.traceUrl));
	}

}
