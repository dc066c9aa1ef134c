package dev.aisd.observability.sample.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BotDetectorTests {

	private final BotDetector detector = new BotDetector();

	@Test
	void scoreWhenScriptedClientsThenBotScores() {
		assertThat(this.detector.score("curl/8.5.0")).isEqualTo(0.7);
		assertThat(this.detector.score("python-requests/2.32.3")).isEqualTo(0.8);
		assertThat(this.detector.score("Scrapy/2.11 (+https://scrapy.org)")).isEqualTo(0.9);
		assertThat(this.detector.score("Mozilla/5.0 HeadlessChrome/131.0")).isEqualTo(0.95);
		assertThat(this.detector.score("Googlebot/2.1")).isEqualTo(0.5);
	}

	@Test
	void scoreWhenNoUserAgentThenSuspicious() {
		assertThat(this.detector.score(null)).isEqualTo(0.6);
		assertThat(this.detector.score("   ")).isEqualTo(0.6);
	}

	@Test
	void scoreWhenBrowserThenNotABot() {
		assertThat(this.detector.score("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36"))
			.isEqualTo(BotDetector.NOT_A_BOT);
	}

}
