package dev.aisd.observability.tracing.internal;

import dev.aisd.observability.web.internal.RequestFields;
import io.micrometer.common.KeyValues;

import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Spring's WebFlux {@code http.server.requests} convention with span names
 * {@code http GET /items/{id}} and the span attributes of the observability contract.
 * Low-cardinality key values (what metrics use) are Spring's, unchanged, and left out of
 * the recorded and exported span; the high-cardinality ones are the OpenTelemetry HTTP
 * semantic-convention attributes and replace the raw {@code http.url}, whose query string
 * could carry secrets.
 */
public class ReactiveServerSpanConvention extends DefaultServerRequestObservationConvention {

	/**
	 * Create a convention.
	 * @param name the observation name ({@code management.observations.http.server.requests.name})
	 */
	public ReactiveServerSpanConvention(String name) {
		super(name);
	}

	@Override
	public String getContextualName(ServerRequestObservationContext context) {
		return HttpServerSpans.name(method(context).getValue(), context.getPathPattern(), uri(context).getValue());
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
		return HttpServerSpans.attributes(method(context).getValue(), context.getPathPattern(),
				RequestFields.path(context.getCarrier().getPath().value()), status(context).getValue(), context.getError());
	}

}
