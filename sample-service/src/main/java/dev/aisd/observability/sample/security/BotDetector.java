package dev.aisd.observability.sample.security;

import java.util.List;
import java.util.Locale;

/**
 * Recognises automated clients by their {@code User-Agent}: scripted HTTP libraries,
 * scrapers, headless browsers, self-declared crawlers, and clients that send none.
 */
final class BotDetector {

	/** Returned when the user agent looks like a person's browser. */
	static final double NOT_A_BOT = -1;

	private static final List<Signature> SIGNATURES = List.of(new Signature("headlesschrome", 0.95),
			new Signature("phantomjs", 0.95), new Signature("selenium", 0.9), new Signature("puppeteer", 0.9),
			new Signature("playwright", 0.9), new Signature("scrapy", 0.9), new Signature("python-requests", 0.8),
			new Signature("python-urllib", 0.8), new Signature("aiohttp", 0.8), new Signature("libwww-perl", 0.8),
			new Signature("go-http-client", 0.75), new Signature("curl/", 0.7), new Signature("wget/", 0.7),
			new Signature("bot", 0.5), new Signature("crawler", 0.5), new Signature("spider", 0.5));

	private static final double MISSING_USER_AGENT = 0.6;

	/**
	 * Score a user agent.
	 * @param userAgent the header value, may be {@code null}
	 * @return the threat score in 0..1, or {@link #NOT_A_BOT}
	 */
	double score(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return MISSING_USER_AGENT;
		}
		String value = userAgent.toLowerCase(Locale.ROOT);
		for (Signature signature : SIGNATURES) {
			if (value.contains(signature.token())) {
				return signature.score();
			}
		}
		return NOT_A_BOT;
	}

	private record Signature(String token, double score) {
	}

}
