package dev.aisd.observability.sample.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Paths no legitimate client asks for ({@code /wp-admin}, {@code /.env}, ...): a request
 * for one records a honeypot hit and blocks its client for a while. The answer is an
 * ordinary 404, so the scanner learns nothing.
 */
@RestController
class HoneypotController {

	private final EdgeGuard edgeGuard;

	HoneypotController(EdgeGuard edgeGuard) {
		this.edgeGuard = edgeGuard;
	}

	@RequestMapping({ "/wp-admin", "/wp-admin/**", "/wp-login.php", "/.env", "/.git/**", "/phpmyadmin",
			"/phpmyadmin/**" })
	ResponseEntity<Void> honeypot(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		this.edgeGuard.honeypotHit(request.getRemoteAddr(), honeypotType(String.valueOf(pattern)));
		return ResponseEntity.notFound().build();
	}

	static String honeypotType(String pattern) {
		if (pattern.startsWith("/wp-")) {
			return "wordpress_admin";
		}
		if (pattern.equals("/.env")) {
			return "env_file";
		}
		if (pattern.startsWith("/.git")) {
			return "git_repository";
		}
		if (pattern.startsWith("/phpmyadmin")) {
			return "database_admin";
		}
		return "other";
	}

}
