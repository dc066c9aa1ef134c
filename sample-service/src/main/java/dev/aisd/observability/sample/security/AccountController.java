package dev.aisd.observability.sample.security;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's accounts: a login (JSON or form) and two protected resources behind HTTP
 * Basic. Failed logins are recorded by the starter's Spring Security integration, from
 * the authentication events Spring Security publishes; this class records nothing
 * itself.
 */
@RestController
class AccountController {

	private final AuthenticationConfiguration authenticationConfiguration;

	AccountController(AuthenticationConfiguration authenticationConfiguration) {
		this.authenticationConfiguration = authenticationConfiguration;
	}

	@PostMapping(path = "/api/login", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> loginJson(@RequestBody Credentials credentials) {
		return login(credentials.username(), credentials.password());
	}

	@PostMapping(path = "/api/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> loginForm(@RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String password) {
		return login(username, password);
	}

	@GetMapping("/api/account")
	Map<String, Object> account(Principal principal) {
		return Map.of("user", principal.getName());
	}

	@GetMapping("/api/admin/report")
	Map<String, Object> adminReport() {
		return Map.of("report", "all quiet");
	}

	private ResponseEntity<Map<String, Object>> login(String username, String password) {
		try {
			Authentication result = this.authenticationConfiguration.getAuthenticationManager()
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated((username != null) ? username : "",
						(password != null) ? password : ""));
			return ResponseEntity.ok(Map.of("authenticated", true, "user", result.getName()));
		}
		catch (AuthenticationException ex) {
			// Same answer for an unknown user and a wrong password: no account enumeration.
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(Map.of("authenticated", false, "error", "invalid credentials"));
		}
		catch (Exception ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(Map.of("authenticated", false, "error", "authentication unavailable"));
		}
	}

	record Credentials(String username, String password) {
	}

}
