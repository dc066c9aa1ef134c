package dev.aisd.observability.sample.security;

import java.util.Map;

import dev.aisd.observability.sample.security.CaptchaChallenges.Challenge;
import dev.aisd.observability.sample.security.CaptchaChallenges.Failure;
import dev.aisd.observability.sample.security.CaptchaChallenges.Outcome;
import dev.aisd.observability.security.SecurityMetricsCollector;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A CAPTCHA an edge service puts in front of suspicious clients:
 * {@code POST /api/captcha/challenge} hands out a question and a single-use token,
 * {@code POST /api/captcha/verify} with {@code {"token","answer"}} checks the answer.
 * Every verification is a CAPTCHA result. When the challenged client had been flagged
 * as a bot by its user agent, the outcome is also the verdict on that detection: a
 * failed challenge confirms it (a true positive), a solved one refutes it (a false
 * positive: a person behind an unusual user agent). A solver service can defeat a
 * CAPTCHA, so the false positives measured this way are an upper bound.
 */
@RestController
class CaptchaController {

	static final String CAPTCHA_TYPE = "arithmetic";

	private final SecurityMetricsCollector collector;

	private final CaptchaChallenges challenges;

	private final BotDetector botDetector = new BotDetector();

	CaptchaController(SecurityMetricsCollector collector, CaptchaChallenges challenges) {
		this.collector = collector;
		this.challenges = challenges;
	}

	@PostMapping("/api/captcha/challenge")
	ResponseEntity<Map<String, Object>> challenge(
			@RequestHeader(name = "User-Agent", required = false) String userAgent) {
		boolean flaggedAsBot = this.botDetector.score(userAgent) != BotDetector.NOT_A_BOT;
		Challenge challenge = this.challenges.issue(flaggedAsBot);
		if (challenge == null) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", "1")
				.body(Map.of("error", "too many outstanding challenges"));
		}
		return ResponseEntity.ok(Map.of("token", challenge.token(), "question", challenge.question()));
	}

	@PostMapping("/api/captcha/verify")
	ResponseEntity<Map<String, Object>> verify(@RequestBody(required = false) Answer answer) {
		Outcome outcome = (answer != null) ? this.challenges.verify(answer.token(), answer.answer())
				: new Outcome(Failure.INVALID_TOKEN, false);
		this.collector.recordCaptchaResult(CAPTCHA_TYPE, outcome.solved(),
				outcome.solved() ? null : outcome.failure().label());
		if (outcome.flaggedAsBot() && (outcome.solved() || outcome.failure() == Failure.WRONG_ANSWER)) {
			this.collector.recordDetectionResult("bot", !outcome.solved());
		}
		if (outcome.solved()) {
			return ResponseEntity.ok(Map.of("verified", true));
		}
		HttpStatus status = (outcome.failure() == Failure.WRONG_ANSWER) ? HttpStatus.FORBIDDEN
				: HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).body(Map.of("verified", false, "error", outcome.failure().label()));
	}

	/**
	 * A CAPTCHA answer.
	 *
	 * @param token the challenge token
	 * @param answer the answer
	 */
	record Answer(String token, String answer) {
	}

}
