package dev.aisd.observability.sample;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * Prices an item by asking the item endpoint over HTTP, so one request makes a two-hop
 * trace: this server span, the outgoing client span (with a {@code traceparent} header,
 * from Spring Boot's {@link RestClient.Builder}), the item endpoint's server span, and the
 * {@code @Observed} price calculation.
 */
@RestController
class PriceController {

	private final RestClient restClient;

	private final Environment environment;

	private final PriceCalculator calculator;

	PriceController(RestClient.Builder restClientBuilder, Environment environment, PriceCalculator calculator) {
		this.restClient = restClientBuilder.build();
		this.environment = environment;
		this.calculator = calculator;
	}

	@GetMapping("/api/items/{id}/price")
	Price price(@PathVariable String id) {
		ItemController.Item item;
		try {
			item = this.restClient.get()
				.uri(itemServiceUrl() + "/api/items/{id}", id)
				.retrieve()
				.body(ItemController.Item.class);
		}
		catch (HttpClientErrorException.NotFound ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + id);
		}
		return this.calculator.price(item);
	}

	private String itemServiceUrl() {
		// The sample calls itself; a real service would call another one.
		return this.environment.getProperty("sample.item-service-url",
				"http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080"));
	}

	record Price(String id, String name, long cents) {
	}

}
