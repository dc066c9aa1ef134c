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

	@Test
	void redactUrlWhenSensitiveQueryParametersThenValuesRedacted() {
		assertThat(SensitiveKeys.redactUrl("http://h/p?id=1&token=abc&API_KEY=k#frag"))
			.isEqualTo("http://h/p?id=1&token=[REDACTED]&API_KEY=[REDACTED]#frag");
		assertThat(SensitiveKeys.redactUrl("access_token=abc&x=1")).isEqualTo("access_token=[REDACTED]&x=1");
	}

	@Test
	void redactUrlWhenUserInfoThenPasswordRedacted() {
		assertThat(SensitiveKeys.redactUrl("https://bob:s3cret@example.com/x?q=1"))
			.isEqualTo("https://bob:[REDACTED]@example.com/x?q=1");
	}

	@Test
	void redactUrlWhenNothingSensitiveThenSameInstance() {
		String url = "http://127.0.0.1:8080/api/items/1?page=2&sort=name";
		assertThat(SensitiveKeys.redactUrl(url)).isSameAs(url);
		String plain = "http://127.0.0.1:8080/api/items/1";
		assertThat(SensitiveKeys.redactUrl(plain)).isSameAs(plain);
		assertThat(SensitiveKeys.redactUrl(null)).isNull();
	}

	@Test
	void isUrlWhenUrlAttributeThenTrue() {
		assertThat(SensitiveKeys.isUrl("http.url")).isTrue();
		assertThat(SensitiveKeys.isUrl("url.full")).isTrue();
		assertThat(SensitiveKeys.isUrl("url.query")).isTrue();
		assertThat(SensitiveKeys.isUrl("url.path")).isFalse();
		assertThat(SensitiveKeys.isUrl("method")).isFalse();
	}

}
