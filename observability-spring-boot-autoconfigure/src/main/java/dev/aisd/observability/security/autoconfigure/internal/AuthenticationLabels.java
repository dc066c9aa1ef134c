package dev.aisd.observability.security.autoconfigure.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code auth_method} and {@code failure_reason} label values of an authentication
 * failure. Both come from types (of the authentication token and of the failure event),
 * never from what a client sent, so they are bounded by the classes on the class path.
 */
final class AuthenticationLabels {

	/** Label value when nothing is known. */
	public static final String UNKNOWN = "unknown";

	private static final Map<String, String> METHODS_BY_TOKEN = Map.ofEntries(
			Map.entry("BearerTokenAuthenticationToken", "bearer"), Map.entry("JwtAuthenticationToken", "bearer"),
			Map.entry("BearerTokenAuthentication", "bearer"), Map.entry("RememberMeAuthenticationToken", "remember_me"),
			Map.entry("PreAuthenticatedAuthenticationToken", "pre_authenticated"),
			Map.entry("AnonymousAuthenticationToken", "anonymous"),
			Map.entry("OneTimeTokenAuthenticationToken", "one_time_token"),
			Map.entry("OneTimeTokenAuthentication", "one_time_token"),
			Map.entry("WebAuthnAuthentication", "webauthn"),
			Map.entry("WebAuthnAuthenticationRequestToken", "webauthn"),
			Map.entry("OAuth2LoginAuthenticationToken", "oauth2_login"),
			Map.entry("OAuth2AuthorizationCodeAuthenticationToken", "oauth2_login"),
			Map.entry("OAuth2AuthenticationToken", "oauth2_login"),
			Map.entry("Saml2AuthenticationToken", "saml2"), Map.entry("Saml2Authentication", "saml2"),
			Map.entry("CasAuthenticationToken", "cas"), Map.entry("CasServiceTicketAuthenticationToken", "cas"),
			Map.entry("JaasAuthenticationToken", "jaas"), Map.entry("TestingAuthenticationToken", "testing"),
			Map.entry("RunAsUserToken", "run_as"));

	private static final Map<String, String> REASONS_BY_EVENT = Map.of(
			"AuthenticationFailureBadCredentialsEvent", "bad_credentials",
			"AuthenticationFailureLockedEvent", "account_locked",
			"AuthenticationFailureDisabledEvent", "account_disabled",
			"AuthenticationFailureExpiredEvent", "account_expired",
			"AuthenticationFailureCredentialsExpiredEvent", "credentials_expired",
			"AuthenticationFailureProviderNotFoundEvent", "provider_not_found",
			"AuthenticationFailureServiceExceptionEvent", "service_error",
			"AuthenticationFailureProxyUntrustedEvent", "proxy_untrusted");

	private AuthenticationLabels() {
	}

	/**
	 * Return the {@code auth_method} of an authentication attempt.
	 * @param tokenType the class of the authentication request token, may be {@code null}
	 * @param authorizationHeader the request's {@code Authorization} header, or
	 * {@code null} (only its scheme is read)
	 * @param contentType the request's content type, or {@code null}
	 * @param webRequest whether the attempt belongs to an HTTP request
	 * @return the method, never {@code null}
	 */
	public static String authMethod(Class<?> tokenType, String authorizationHeader, String contentType,
			boolean webRequest) {
		if (tokenType == null) {
			return UNKNOWN;
		}
		String name = tokenType.getSimpleName();
		if ("UsernamePasswordAuthenticationToken".equals(name)) {
			// Form login and HTTP Basic build the same token: the request tells them apart.
			if (startsWithIgnoreCase(authorizationHeader, "Basic ")) {
				return "basic";
			}
			if (webRequest && (startsWithIgnoreCase(contentType, "application/x-www-form-urlencoded")
					|| startsWithIgnoreCase(contentType, "multipart/form-data"))) {
				return "form";
			}
			return "password";
		}
		String known = METHODS_BY_TOKEN.get(name);
		return (known != null) ? known : snakeCase(strip(name, "AuthenticationToken", "Authentication", "Token"));
	}

	/**
	 * Return the {@code failure_reason} of an authentication failure event. A user name
	 * that does not exist counts as {@code bad_credentials}, as Spring Security reports it,
	 * so the metric cannot be used to enumerate accounts.
	 * @param eventType the class of the failure event
	 * @return the reason, never {@code null}
	 */
	public static String failureReason(Class<?> eventType) {
		return failureReason(eventType.getSimpleName());
	}

	/**
	 * Return the {@code failure_reason} of a failure event type known by its simple name.
	 * @param name the simple name of the event type
	 * @return the reason
	 */
	static String failureReason(String name) {
		String known = REASONS_BY_EVENT.get(name);
		if (known != null) {
			return known;
		}
		String reason = snakeCase(strip(strip(name, "Event"), "AuthenticationFailure"));
		return reason.isEmpty() ? UNKNOWN : reason;
	}

	private static boolean startsWithIgnoreCase(String value, String prefix) {
		return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
	}

	private static String strip(String name, String... affixes) {
		String result = name;
		for (String affix : affixes) {
			if (result.endsWith(affix) && result.length() > affix.length()) {
				result = result.substring(0, result.length() - affix.length());
				break;
			}
			if (result.startsWith(affix) && result.length() > affix.length()) {
				result = result.substring(affix.length());
				break;
			}
		}
		return result;
	}

	static String snakeCase(String name) {
		StringBuilder result = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
					result.append('_');
				}
				result.append(Character.toLowerCase(c));
			}
			else if (Character.isLetterOrDigit(c)) {
				result.append(c);
			}
		}
		return result.toString().toLowerCase(Locale.ROOT);
	}

}
