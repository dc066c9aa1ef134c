package dev.aisd.observability.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the request context: request ids and trace response headers.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("observability.request-id")
public class RequestIdProperties {

	/**
	 * Whether to accept or generate a request id for every request, echo it on the
	 * response, put it in the MDC as 'request_id', and add the X-Trace-ID and X-Span-ID
	 * response headers when tracing is active.
	 */
	private boolean enabled = true;

	/**
	 * Name of the request and response header carrying the request id. A client's value
	 * is kept only when it is 1 to 128 characters of [A-Za-z0-9._:-]; otherwise a new id
	 * is generated.
	 */
	private String header = "X-Request-ID";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getHeader() {
		return this.header;
	}

	public void setHeader(String header) {
		this.header = header;
	}

}
