package dev.aisd.observability.sample.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.aisd.observability.sample.security.RecentAttacks.Kind;
import dev.aisd.observability.sample.security.SqlInjectionDetector.Rule;
import dev.aisd.observability.security.SecurityMetricsCollector;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=}: searches the catalogue, and blocks queries that look like
 * SQL injection with a 403, recording the firewall rule and the blocked attack.
 */
@RestController
class SearchController {

	/** What the shop sells: searched here and exported by {@link DataExportController}. */
	static final List<String> CATALOGUE = List.of("lantern", "rope", "compass", "tent", "stove", "map");

	private final SqlInjectionDetector detector = new SqlInjectionDetector();

	private final SecurityMetricsCollector collector;

	private final RecentAttacks recentAttacks;

	SearchController(SecurityMetricsCollector collector, RecentAttacks recentAttacks) {
		this.collector = collector;
		this.recentAttacks = recentAttacks;
	}

	@GetMapping("/api/search")
	ResponseEntity<Map<String, Object>> search(@RequestParam(name = "q", defaultValue = "") String query) {
		if (query.length() > SqlInjectionDetector.MAX_QUERY_LENGTH) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "query longer than " + SqlInjectionDetector.MAX_QUERY_LENGTH + " characters"));
		}
		long start = System.nanoTime();
		Rule rule = this.detector.detect(query);
		double detectionSeconds = (System.nanoTime() - start) / 1e9;
		this.collector.recordDetectionTime("waf_rules", detectionSeconds);
		if (rule != null) {
			this.collector.recordWafRuleTrigger(rule.id(), rule.severity());
			this.collector.recordAttackBlocked("sql_injection", rule.severity(), rule.score());
			// The rule's confidence is the risk of the query, on the collector's 0..1 scale.
			this.collector.recordRiskScore("search_query", rule.score());
			double respondSeconds = (System.nanoTime() - start) / 1e9;
			this.collector.recordResponseTime("sql_injection", respondSeconds);
			this.collector.recordIncident("sql_injection", detectionSeconds, respondSeconds, null);
			this.recentAttacks.record(Kind.SQL_INJECTION);
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "query blocked"));
		}
		String needle = query.toLowerCase(Locale.ROOT);
		List<String> results = CATALOGUE.stream().filter((name) -> name.contains(needle)).toList();
		return ResponseEntity.ok(Map.of("query", query, "results", results));
	}

}
