package dev.aisd.observability.endpoint;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link ObservabilityEndpoint} answers, free of any web stack: the status, the
 * content type, extra headers and the body. The Spring MVC and WebFlux adapters copy it
 * to the wire unchanged.
 *
 * @param status the HTTP status
 * @param contentType the value of the {@code Content-Type} header
 * @param headers further headers (for example {@code Cache-Control}), in order
 * @param body the body
 * @since 0.1.0
 */
public record EndpointResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

	/** Media type of every JSON body the endpoints write. */
	public static final String APPLICATION_JSON = "application/json";

	/**
	 * Creates a response.
	 * @param status the HTTP status
	 * @param contentType the value of the {@code Content-Type} header
	 * @param headers further headers
	 * @param body the body
	 */
	public EndpointResponse {
		Objects.requireNonNull(contentType, "contentType");
		Objects.requireNonNull(body, "body");
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	/**
	 * Creates a JSON response.
	 * @param status the HTTP status
	 * @param body the JSON document in UTF-8
	 * @return the response
	 */
	public static EndpointResponse json(int status, byte[] body) {
		return new EndpointResponse(status, APPLICATION_JSON, Map.of(), body);
	}

	/**
	 * Creates a JSON response.
	 * @param status the HTTP status
	 * @param body the JSON document
	 * @return the response
	 */
	public static EndpointResponse json(int status, String body) {
		return json(status, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Returns a copy with one more header.
	 * @param name the header name
	 * @param value the header value
	 * @return the new response
	 */
	public EndpointResponse withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new EndpointResponse(this.status, this.contentType, copy, this.body);
	}

	/**
	 * Returns a copy that tells caches not to store the response.
	 * @return the new response
	 */
	public EndpointResponse noStore() {
		return withHeader("Cache-Control", "no-store");
	}

	/**
	 * Returns the body decoded as UTF-8.
	 * @return the body text
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof EndpointResponse that && this.status == that.status
				&& this.contentType.equals(that.contentType) && this.headers.equals(that.headers)
				&& java.util.Arrays.equals(this.body, that.body);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.status, this.contentType, this.headers, java.util.Arrays.hashCode(this.body));
	}

	@Override
	public String toString() {
		return "EndpointResponse[status=" + this.status + ", contentType=" + this.contentType + ", headers="
				+ this.headers + ", body=" + this.body.length + " bytes]";
	}

}
