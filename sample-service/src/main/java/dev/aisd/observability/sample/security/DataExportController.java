package dev.aisd.observability.sample.security;

import java.util.Map;

import dev.aisd.observability.sample.security.RecentAttacks.Kind;
import dev.aisd.observability.security.SecurityMetricsCollector;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/items/export?limit=N}: exports the catalogue a page at a time, at most
 * {@code sample.security.max-export-rows} rows per request. Asking for more is how a
 * scraper tries to copy a whole data set in one go: it is refused with 403 and recorded
 * as a data exfiltration attempt ({@code detection_method="bulk_export"}).
 */
@RestController
class DataExportController {

	private final SecurityMetricsCollector collector;

	private final RecentAttacks recentAttacks;

	private final int maxRows;

	DataExportController(SecurityMetricsCollector collector, RecentAttacks recentAttacks,
			SampleSecurityProperties properties) {
		this.collector = collector;
		this.recentAttacks = recentAttacks;
		this.maxRows = properties.maxExportRows();
	}

	@GetMapping("/api/items/export")
	ResponseEntity<Map<String, Object>> export(@RequestParam(defaultValue = "50") long limit) {
		if (limit < 1) {
			return ResponseEntity.badRequest().body(Map.of("error", "limit must be positive"));
		}
		if (limit > this.maxRows) {
			this.collector.recordExfiltrationAttempt("bulk_export");
			this.recentAttacks.record(Kind.EXFILTRATION);
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("error", "exports are limited to " + this.maxRows + " rows"));
		}
		int rows = (int) Math.min(limit, SearchController.CATALOGUE.size());
		return ResponseEntity.ok(Map.of("items", SearchController.CATALOGUE.subList(0, rows), "limit", limit));
	}

}
