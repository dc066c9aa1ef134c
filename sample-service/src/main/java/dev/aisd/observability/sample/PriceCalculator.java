package dev.aisd.observability.sample;

import io.micrometer.observation.annotation.Observed;

import org.springframework.stereotype.Component;

/**
 * Computes prices; its {@link Observed} method is a span of its own.
 */
@Component
class PriceCalculator {

	@Observed(name = "sample.price", contextualName = "price calculation")
	PriceController.Price price(ItemController.Item item) {
		long cents = 100L + Math.floorMod(item.name().hashCode(), 900);
		return new PriceController.Price(item.id(), item.name(), cents);
	}

}
