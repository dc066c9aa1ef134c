package dev.aisd.observability.sample.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveDataDetectorTests {

	private final SensitiveDataDetector detector = new SensitiveDataDetector();

	@ParameterizedTest
	@ValueSource(strings = { "4111111111111111", "5555 5555 5555 4444", "4012-8888-8888-1881", "378282246310005",
			"card 6011111111111117 please" })
	void detectWhenCardNumberThenPciDssHigh(String value) {
		assertThat(this.detector.detect(value)).isEqualTo(SensitiveDataDetector.CARD_NUMBER);
		assertThat(SensitiveDataDetector.CARD_NUMBER.standard()).isEqualTo("PCI-DSS");
		assertThat(SensitiveDataDetector.CARD_NUMBER.severity()).isEqualTo("high");
	}

	@ParameterizedTest
	@ValueSource(strings = { "jane.doe@example.com", "orders for j.smith+orders@example.org" })
	void detectWhenEmailAddressThenGdprMedium(String value) {
		assertThat(this.detector.detect(value)).isEqualTo(SensitiveDataDetector.EMAIL_ADDRESS);
		assertThat(SensitiveDataDetector.EMAIL_ADDRESS.standard()).isEqualTo("GDPR");
		assertThat(SensitiveDataDetector.EMAIL_ADDRESS.severity()).isEqualTo("medium");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4111111111111112", "123456789012", "lantern", "2026-11-28", "order 12345",
			"41111111111111111111111", "@example.com", "user@localhost" })
	void detectWhenNoSensitiveDataThenNothing(String value) {
		assertThat(this.detector.detect(value)).isNull();
	}

	@Test
	void detectWhenNullOrEmptyThenNothing() {
		assertThat(this.detector.detect(null)).isNull();
		assertThat(this.detector.detect("")).isNull();
	}

	@Test
	void detectWhenLongDigitRunThenAnswersQuickly() {
		assertThat(this.detector.detect("1 ".repeat(50_000))).isNull();
	}

}
