package dev.aisd.observability.sample.health;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Switches health faults on and off at runtime, for drills and demos:
 * {@code POST /api/drills/health/database?fault=hang}, {@code DELETE
 * /api/drills/health/database}, {@code GET /api/drills/health}.
 */
@RestController
class HealthDrillController {

	private final HealthDrills drills;

	HealthDrillController(HealthDrills drills) {
		this.drills = drills;
	}

	@GetMapping("/api/drills/health")
	Map<String, String> current() {
		return this.drills.current();
	}

	@PostMapping("/api/drills/health/{check}")
	Map<String, String> set(@PathVariable String check, @RequestParam String fault) {
		Fault parsed;
		try {
			parsed = Fault.parse(fault);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"fault must be one of none, error, exception, slow, hang");
		}
		known(check);
		this.drills.set(check, parsed);
		return this.drills.current();
	}

	@DeleteMapping("/api/drills/health/{check}")
	Map<String, String> clear(@PathVariable String check) {
		known(check);
		this.drills.clear(check);
		return this.drills.current();
	}

	private static void known(String check) {
		if (!HealthDrills.CHECKS.contains(check)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no health check '" + check + "' to drill");
		}
	}

}
