package dev.aisd.observability.endpoint;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shared parts of the endpoint test applications.
 */
final class EndpointTestApps {

	static final String SECURITY = "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration";

	static final String USER_DETAILS = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration";

	static final String REACTIVE_USER_DETAILS = "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration";

	static final String SERVLET_SECURITY = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";

	static final String SERVLET_SECURITY_FILTER = "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration";

	static final String MANAGEMENT_SECURITY = "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

	static final String REACTIVE_SECURITY = "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration";

	static final String REACTIVE_MANAGEMENT_SECURITY = "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration";

	private EndpointTestApps() {
	}

	@RestController
	static class PingController {

		@GetMapping("/ping")
		String ping() {
			return "pong";
		}

	}

}
