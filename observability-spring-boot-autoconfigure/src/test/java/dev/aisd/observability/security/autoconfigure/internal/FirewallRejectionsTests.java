package dev.aisd.observability.security.autoconfigure.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FirewallRejectionsTests {

	private final StrictHttpFirewall firewall = new StrictHttpFirewall();

	@Test
	void patternTypeWhenSemicolonThenSemicolon() {
		assertThat(rejection("/api/items;jsessionid=1")).isEqualTo(FirewallRejections.SEMICOLON);
	}

	@Test
	void patternTypeWhenEncodedDotsThenPathTraversal() {
		assertThat(rejection("/api/%2e%2e/admin")).isEqualTo(FirewallRejections.PATH_TRAVERSAL);
	}

	@Test
	void patternTypeWhenNotNormalizedThenPathTraversal() {
		assertThat(rejection("/api/../admin")).isEqualTo(FirewallRejections.PATH_TRAVERSAL);
	}

	@Test
	void patternTypeWhenEncodedSlashThenEncodedSeparator() {
		assertThat(rejection("/api/a%2fb")).isEqualTo(FirewallRejections.ENCODED_SEPARATOR);
	}

	@Test
	void patternTypeWhenDoubleSlashThenEncodedSeparator() {
		assertThat(rejection("/api//items")).isEqualTo(FirewallRejections.ENCODED_SEPARATOR);
	}

	@Test
	void patternTypeWhenEncodedPercentThenEncodedPercent() {
		assertThat(rejection("/api/%252e")).isEqualTo(FirewallRejections.ENCODED_PERCENT);
	}

	@Test
	void patternTypeWhenNullByteThenControlCharacter() {
		assertThat(rejection("/api/a%00b")).isEqualTo(FirewallRejections.CONTROL_CHARACTER);
	}

	@Test
	void patternTypeWhenDisallowedMethodThenDisallowedMethod() {
		MockHttpServletRequest request = new MockHttpServletRequest("FOO", "/api/items");
		assertThat(classify(request)).isEqualTo(FirewallRejections.DISALLOWED_METHOD);
	}

	@Test
	void patternTypeWhenHeaderHasControlCharactersThenInvalidHeader() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/items");
		request.addHeader("X-Evil", "a\u0007b");
		RequestRejectedException ex = catchThrowableOfType(RequestRejectedException.class,
				() -> this.firewall.getFirewalledRequest(request).getHeader("X-Evil"));
		assertThat(FirewallRejections.patternType(ex.getMessage())).isEqualTo(FirewallRejections.INVALID_HEADER);
	}

	@Test
	void patternTypeWhenNullOrUnknownThenRejected() {
		assertThat(FirewallRejections.patternType(null)).isEqualTo(FirewallRejections.REJECTED);
		assertThat(FirewallRejections.patternType("something else")).isEqualTo(FirewallRejections.REJECTED);
	}

	@Test
	void patternTypeWhenHostileMessageThenValueStaysFromTheFixedSet() {
		String hostile = "The request was rejected because the URL contained a potentially malicious String \"<script>\u0000"
				+ "x".repeat(10_000) + "\"";
		assertThat(FirewallRejections.patternType(hostile)).isEqualTo(FirewallRejections.CONTROL_CHARACTER);
		assertThat(FirewallRejections.patternType("potentially malicious String \"")).isEqualTo(
				FirewallRejections.MALICIOUS_STRING);
	}

	private String rejection(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setRequestURI(uri);
		request.setServletPath(uri);
		return classify(request);
	}

	private String classify(MockHttpServletRequest request) {
		RequestRejectedException ex = catchThrowableOfType(RequestRejectedException.class,
				() -> this.firewall.getFirewalledRequest(request));
		assertThat(ex).as("rejected").isNotNull();
		return FirewallRejections.patternType(ex.getMessage());
	}

}
