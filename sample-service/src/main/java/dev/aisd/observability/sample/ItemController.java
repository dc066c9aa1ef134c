package dev.aisd.observability.sample;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The normal business endpoints of the sample service.
 */
@RestController
class ItemController {

	private static final Logger logger = LoggerFactory.getLogger(ItemController.class);

	private static final Map<String, Item> ITEMS = Map.of("1", new Item("1", "lantern"), "2", new Item("2", "rope"),
			"3", new Item("3", "compass"));

	@GetMapping("/api/items")
	List<Item> items() {
		return ITEMS.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
	}

	@GetMapping("/api/items/{id}")
	Item item(@PathVariable String id) {
		Item item = ITEMS.get(id);
		if (item == null) {
			logger.info("Item {} not found", id);
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + id);
		}
		return item;
	}

	record Item(String id, String name) {
	}

}
