package dev.aisd.observability.console.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.springframework.util.DigestUtils;

import dev.aisd.observability.endpoint.EndpointCall;
import dev.aisd.observability.endpoint.EndpointHandler;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.internal.EndpointJson;
import dev.aisd.observability.health.internal.HealthTransitionHistory;
import dev.aisd.observability.tracing.internal.SpanJsonWriter;
import dev.aisd.observability.tracing.internal.SpanLatencySummary;
import dev.aisd.observability.tracing.internal.SpanRecord;
import dev.aisd.observability.tracing.internal.SpanRingBuffer;

/**
 * Answers the console's path: the page without a query; {@code ?asset=console.js} and
 * {@code ?asset=console.css}; and the data the page polls besides the other endpoints,
 * {@code ?data=latency} (spans per name and latency bucket), {@code ?data=spans&name=&bucket=}
 * (the spans of one cell), {@code ?data=health-history}, {@code ?data=routes}, and
 * {@code ?data=poll}, the latency summary, the health history and the routes in one
 * document: what an open page asks for on every tick, one request instead of three. Every
 * answer but the page carries an ETag and is a bodiless 304 when {@code If-None-Match}
 * names it; the latency summary and the health history derive their tag from a counter,
 * so an idle tab's poll is answered without reading the buffer. Every answer carries a
 * strict Content-Security-Policy and {@code X-Content-Type-Options: nosniff}.
 */
public final class ConsoleResponses implements EndpointHandler {

	/** The Content-Security-Policy of every answer: nothing inline, nothing from elsewhere. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; frame-ancestors 'none'";

	/** How many spans one latency cell lists at most, the newest. */
	static final int MAX_CELL_SPANS = 50;

	private static final byte[] POLL_LATENCY = "{\"latency\":".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] POLL_HEALTH_HISTORY = ",\"health_history\":".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] POLL_ROUTES = ",\"routes\":".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

	private final Sources sources;

	private final ConsoleAssets assets;

	// The last latency document and the count it was made at; racing polls at worst both scan.
	private volatile LatencyDocument latency;

	// Tags of one process must not match those of the previous one behind the same URL.
	private final String instance = Long.toHexString(System.nanoTime() ^ System.currentTimeMillis());

	/**
	 * Creates the responder.
	 * @param sources what the page shows
	 * @param assets the script and style sheet
	 */
	public ConsoleResponses(Sources sources, ConsoleAssets assets) {
		this.sources = sources;
		this.assets = assets;
	}

	@Override
	public CompletionStage<EndpointResponse> handle(EndpointCall call) {
		String asset = call.parameter("asset");
		if (asset != null) {
			return done(asset(call, asset));
		}
		String data = call.parameter("data");
		if (data != null) {
			try {
				return done(data(call, data));
			}
			catch (BadRequest ex) {
				return done(error(400, ex.getMessage()));
			}
		}
		return this.sources.summary()
			.get()
			.thenApply((summary) -> secure(new EndpointResponse(200, "text/html;charset=UTF-8", Map.of(),
					ConsolePage.render(summary, this.sources.dataAttributes().get()).getBytes(StandardCharsets.UTF_8)))
				.noStore());
	}

	private EndpointResponse asset(EndpointCall call, String name) {
		ConsoleAssets.Asset found = this.assets.get(name);
		if (found == null) {
			return error(404, "no console asset '" + name + "'");
		}
		return conditional(call, found.etag(), () -> found.body(), found.contentType());
	}

	private EndpointResponse data(EndpointCall call, String data) {
		return switch (data) {
			case "latency" -> latency(call);
			case "spans" -> spans(call);
			case "health-history" -> healthHistory(call);
			case "routes" -> routes(call);
			case "poll" -> poll(call);
			default -> throw new BadRequest(
					"data must be one of poll, latency, spans, health-history, routes but was '" + data + "'");
		};
	}

	/**
	 * The views a tick of the page refreshes, in one document whose tag is made of theirs:
	 * {@code {"latency":..,"health_history":..,"routes":..}}, a view being {@code null} when
	 * its feature is off. The routes are computed to learn their tag (as
	 * {@code ?data=routes} does); the buffer is scanned only when its count moved.
	 */
	private EndpointResponse poll(EndpointCall call) {
		SpanRingBuffer buffer = this.sources.buffer();
		HealthTransitionHistory history = this.sources.healthHistory();
		RouteRedSummary summary = this.sources.routes();
		byte[] routes = (summary != null) ? routesJson(summary.compute()) : null;
		String etag = tag("p" + ((buffer != null) ? buffer.recorded() : "-") + "-"
				+ ((history != null) ? history.version() : "-") + "-"
				+ ((routes != null) ? DigestUtils.md5DigestAsHex(routes) : "-"));
		return conditional(call, etag, () -> pollJson((buffer != null) ? latencyJson(buffer) : null,
				(history != null) ? healthHistoryJson(history) : null, routes), EndpointResponse.APPLICATION_JSON);
	}

	static byte[] pollJson(byte[] latency, byte[] healthHistory, byte[] routes) {
		// Each part is a whole JSON document written by the views above: spliced, not re-encoded.
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 + length(latency) + length(healthHistory)
				+ length(routes));
		out.writeBytes(POLL_LATENCY);
		out.writeBytes((latency != null) ? latency : NULL);
		out.writeBytes(POLL_HEALTH_HISTORY);
		out.writeBytes((healthHistory != null) ? healthHistory : NULL);
		out.writeBytes(POLL_ROUTES);
		out.writeBytes((routes != null) ? routes : NULL);
		out.write('}');
		return out.toByteArray();
	}

	private static int length(byte[] bytes) {
		return (bytes != null) ? bytes.length : 4;
	}

	private EndpointResponse latency(EndpointCall call) {
		SpanRingBuffer buffer = this.sources.buffer();
		if (buffer == null) {
			return error(404, "traces are disabled");
		}
		return conditional(call, tag("l" + buffer.recorded()), () -> latencyJson(buffer),
				EndpointResponse.APPLICATION_JSON);
	}

	private byte[] latencyJson(SpanRingBuffer buffer) {
		// A poll changes when any of its views does: the routes' numbers move while the
		// buffer stays as it was, and the buffer is scanned only when a span was recorded.
		LatencyDocument last = this.latency;
		if (last != null && last.recorded() == buffer.recorded()) {
			return last.json();
		}
		SpanLatencySummary summary = SpanLatencySummary.of(buffer);
		byte[] json = latencyJson(summary);
		this.latency = new LatencyDocument(summary.recorded(), json);
		return json;
	}

	static byte[] latencyJson(SpanLatencySummary summary) {
		return EndpointJson.write(1024, (json) -> {
			json.writeStartObject();
			json.writeNumberProperty("recorded", summary.recorded());
			json.writeName("buckets");
			json.writeStartArray();
			SpanLatencySummary.labels().forEach(json::writeString);
			json.writeEndArray();
			json.writeArrayPropertyStart("spans");
			for (SpanLatencySummary.Row row : summary.rows()) {
				json.writeStartObject();
				EndpointJson.stringProperty(json, "name", row.name());
				json.writeArrayPropertyStart("counts");
				row.counts().forEach(json::writeNumber);
				json.writeEndArray();
				json.writeNumberProperty("errors", row.errors());
				json.writeNumberProperty("total", row.total());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		});
	}

	private EndpointResponse spans(EndpointCall call) {
		SpanRingBuffer buffer = this.sources.buffer();
		if (buffer == null) {
			return error(404, "traces are disabled");
		}
		String name = call.parameter("name");
		if (name == null) {
			throw new BadRequest("name is required");
		}
		int bucket = bucket(call.parameter("bucket"));
		return conditional(call, tag("s" + buffer.recorded() + "-" + bucket + "-"
				+ DigestUtils.md5DigestAsHex(name.getBytes(StandardCharsets.UTF_8))), () -> {
			List<SpanRecord> spans = buffer.snapshot(MAX_CELL_SPANS, (span) -> name.equals(span.name())
					&& (bucket < 0 || SpanLatencySummary.inBucket(span.durationNanos(), bucket)));
			return SpanJsonWriter.traces(spans, SpanJsonWriter.TraceUrl.of(this.sources.traceUiUrl()));
		}, EndpointResponse.APPLICATION_JSON);
	}

	private static int bucket(String value) {
		if (value == null) {
			return -1;
		}
		try {
			int bucket = Integer.parseInt(value.trim());
			if (bucket >= 0 && bucket < SpanLatencySummary.BUCKETS) {
				return bucket;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below.
		}
		throw new BadRequest("bucket must be a number from 0 to " + (SpanLatencySummary.BUCKETS - 1));
	}

	private EndpointResponse healthHistory(EndpointCall call) {
		HealthTransitionHistory history = this.sources.healthHistory();
		if (history == null) {
			return error(404, "health checks are disabled");
		}
		return conditional(call, tag("h" + history.version()), () -> healthHistoryJson(history),
				EndpointResponse.APPLICATION_JSON);
	}

	static byte[] healthHistoryJson(HealthTransitionHistory history) {
		return EndpointJson.write(512, (json) -> {
			json.writeStartObject();
			json.writeNumberProperty("capacity", history.capacity());
			json.writeObjectPropertyStart("checks");
			history.snapshot().forEach((name, transitions) -> {
				EndpointJson.name(json, name);
				json.writeStartArray();
				for (HealthTransitionHistory.Transition transition : transitions) {
					json.writeStartObject();
					EndpointJson.stringProperty(json, "from",
							(transition.from() != null) ? transition.from().value() : null);
					EndpointJson.stringProperty(json, "to", transition.to().value());
					EndpointJson.stringProperty(json, "at", transition.at().toString());
					json.writeNumberProperty("duration_ms", transition.durationMs());
					json.writeEndObject();
				}
				json.writeEndArray();
			});
			json.writeEndObject();
			json.writeEndObject();
		});
	}

	private EndpointResponse routes(EndpointCall call) {
		RouteRedSummary summary = this.sources.routes();
		if (summary == null) {
			return error(404, "HTTP metrics are disabled");
		}
		byte[] body = routesJson(summary.compute());
		// The numbers are computed anyway; the tag spares the transfer and the redraw.
		return conditional(call, tag("r" + DigestUtils.md5DigestAsHex(body)), () -> body,
				EndpointResponse.APPLICATION_JSON);
	}

	static byte[] routesJson(List<RouteRedSummary.Route> routes) {
		return EndpointJson.write(2048, (json) -> {
			json.writeStartObject();
			double window = routes.isEmpty() ? 0 : routes.get(routes.size() - 1).windowSeconds();
			json.writeNumberProperty("window_seconds", window);
			json.writeArrayPropertyStart("routes");
			for (RouteRedSummary.Route route : routes) {
				json.writeStartObject();
				EndpointJson.stringProperty(json, "method", route.method());
				EndpointJson.stringProperty(json, "route", route.route());
				json.writeName("rate_per_second");
				EndpointJson.numberOrNull(json, route.ratePerSecond());
				json.writeNumberProperty("requests", route.requests());
				json.writeNumberProperty("errors", route.errors());
				json.writeName("error_ratio");
				EndpointJson.numberOrNull(json,
						(route.requests() > 0) ? (double) route.errors() / route.requests() : null);
				json.writeName("p50_seconds");
				EndpointJson.numberOrNull(json, route.p50Seconds());
				json.writeName("p95_seconds");
				EndpointJson.numberOrNull(json, route.p95Seconds());
				json.writeName("p99_seconds");
				EndpointJson.numberOrNull(json, route.p99Seconds());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		});
	}

	private String tag(String value) {
		return '"' + this.instance + '-' + value + '"';
	}

	private static EndpointResponse conditional(EndpointCall call, String etag, Supplier<byte[]> body,
			String contentType) {
		if (matches(call.headers("If-None-Match"), etag)) {
			return secure(new EndpointResponse(304, contentType, Map.of("ETag", etag), new byte[0]))
				.withHeader("Cache-Control", "no-cache");
		}
		return secure(new EndpointResponse(200, contentType, Map.of("ETag", etag), body.get()))
			.withHeader("Cache-Control", "no-cache");
	}

	/**
	 * Returns whether an {@code If-None-Match} header names a tag (weak comparison, as
	 * RFC 9110 asks for it).
	 * @param headers the values of the header
	 * @param etag the current tag, quoted
	 * @return whether the client's copy is current
	 */
	static boolean matches(List<String> headers, String etag) {
		for (String header : headers) {
			for (String candidate : header.split(",")) {
				String trimmed = candidate.trim();
				if (trimmed.startsWith("W/")) {
					trimmed = trimmed.substring(2);
				}
				if (trimmed.equals("*") || trimmed.equals(etag)) {
					return true;
				}
			}
		}
		return false;
	}

	private static EndpointResponse error(int status, String message) {
		byte[] body = EndpointJson.write(64, (json) -> {
			json.writeStartObject();
			EndpointJson.stringProperty(json, "error", message);
			json.writeEndObject();
		});
		return secure(EndpointResponse.json(status, body)).noStore();
	}

	private static EndpointResponse secure(EndpointResponse response) {
		return response.withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.withHeader("X-Content-Type-Options", "nosniff")
			.withHeader("Referrer-Policy", "no-referrer");
	}

	private static CompletionStage<EndpointResponse> done(EndpointResponse response) {
		return CompletableFuture.completedFuture(response);
	}

	/**
	 * What the console reads; each source but the summary may be absent when its feature
	 * is off.
	 *
	 * @param summary computes the server-rendered summary
	 * @param dataAttributes the settings of the script (paths of the other endpoints, poll
	 * interval), computed on each page load
	 * @param buffer the span buffer, {@code null} without tracing
	 * @param traceUiUrl the trace UI link template, {@code null} for none
	 * @param healthHistory the health transitions, {@code null} without health checks
	 * @param routes the RED summary, {@code null} without HTTP metrics
	 */
	public record Sources(Supplier<CompletionStage<ConsolePage.Summary>> summary,
			Supplier<Map<String, String>> dataAttributes, SpanRingBuffer buffer, String traceUiUrl,
			HealthTransitionHistory healthHistory, RouteRedSummary routes) {
	}

	private record LatencyDocument(long recorded, byte[] json) {
	}

	private static final class BadRequest extends RuntimeException {

		BadRequest(String message) {
			super(message);
		}

	}


}
