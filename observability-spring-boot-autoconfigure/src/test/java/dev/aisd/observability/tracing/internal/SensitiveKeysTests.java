package dev.aisd.observability.tracing.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SensitiveKeys}.
 */
class SensitiveKeysTests {

	@Test
	void isSensitiveWhenSecretLookingKeyThenTrue() {
		for (String key : new String[] { "Authorization", "authorization", "http.request.header.authorization",
				"Cookie", "Set-Cookie", "set_cookie", "password", "db.PASSWORD", "passwd", "client_secret",
				"SECRET_KEY", "token", "X-Auth-Token", "refresh_token", "api_key", "ApiKey", "x-api-key",
				"aws.credentials", "Credential" }) {
			assertThat(SensitiveKeys.isSensitive(key)).as(key).isTrue();
		}
	}

	@Test
	void isSensitiveWhenOrdinaryKeyThenFalse() {
		for (String key : new String[] { "http.request.method", "url.path", "user.id", "db.statement", "pass", "",
				"author", "key" }) {
			assertThat(SensitiveKeys.isSensitive(key)).as(key).isFalse();
		}
		assertThat(SensitiveKeys.isSensitive(null)).isFalse();
	}

}
