package dev.aisd.observability.web.internal;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "a", "abc-123", "ABC.def_ghi:jkl-0", "0af7651916cd43dd8448eb211c80319c",
			"urn:request:42" })
	void isValidWhenSafeCharactersThenTrue(String candidate) {
		assertThat(RequestIds.isValid(candidate)).isTrue();
		assertThat(RequestIds.acceptOrGenerate(candidate)).isSameAs(candidate);
	}

	@Test
	void isValidWhenExactly128CharactersThenTrue() {
		assertThat(RequestIds.isValid("a".repeat(128))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a b", "<script>alert(1)</script>", "caf\u00e9", "\u0430bc", "a\r\nb", "a\nb",
			"a\"b", "a\\b", "a'b", "a\tb", "a\u0000b", "a/b", "a{b}", "\u2028", "\ud83d\ude00", "a;b", "a%0d%0a" })
	void isValidWhenHostileThenFalseAndReplaced(String candidate) {
		assertThat(RequestIds.isValid(candidate)).isFalse();
		assertThat(RequestIds.acceptOrGenerate(candidate)).isNotEqualTo(candidate).matches("[0-9a-f]{32}");
	}

	@Test
	void isValidWhenNullThenFalse() {
		assertThat(RequestIds.isValid(null)).isFalse();
		assertThat(RequestIds.acceptOrGenerate(null)).matches("[0-9a-f]{32}");
	}

	@Test
	void isValidWhenLongerThan128CharactersThenFalse() {
		assertThat(RequestIds.isValid("a".repeat(129))).isFalse();
		assertThat(RequestIds.isValid("a".repeat(10 * 1024))).isFalse();
	}

	@Test
	void generateWhenCalledRepeatedlyThenDistinct32HexCharacterIds() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = RequestIds.generate();
			assertThat(id).matches("[0-9a-f]{32}");
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

}
