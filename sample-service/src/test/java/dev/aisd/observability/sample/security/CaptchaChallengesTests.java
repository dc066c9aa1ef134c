package dev.aisd.observability.sample.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.aisd.observability.sample.security.CaptchaChallenges.Challenge;
import dev.aisd.observability.sample.security.CaptchaChallenges.Failure;
import dev.aisd.observability.sample.security.CaptchaChallenges.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaptchaChallengesTests {

	private static final Pattern QUESTION = Pattern.compile("What is (\\d) \\+ (\\d)\\?");

	private final AtomicLong nanos = new AtomicLong();

	private final CaptchaChallenges challenges = new CaptchaChallenges(Duration.ofMinutes(2), 3, this.nanos::get);

	@Test
	void verifyWhenRightAnswerThenSolvedOnce() {
		Challenge challenge = this.challenges.issue(true);
		Outcome outcome = this.challenges.verify(challenge.token(), answer(challenge));
		assertThat(outcome.solved()).isTrue();
		assertThat(outcome.flaggedAsBot()).isTrue();
		assertThat(this.challenges.verify(challenge.token(), answer(challenge)).failure())
			.as("a token is single use")
			.isEqualTo(Failure.INVALID_TOKEN);
	}

	@Test
	void verifyWhenWrongAnswerThenWrongAnswer() {
		Challenge challenge = this.challenges.issue(false);
		Outcome outcome = this.challenges.verify(challenge.token(), "-1");
		assertThat(outcome.failure()).isEqualTo(Failure.WRONG_ANSWER);
		assertThat(outcome.flaggedAsBot()).isFalse();
	}

	@Test
	void verifyWhenLateThenExpired() {
		Challenge challenge = this.challenges.issue(false);
		this.nanos.addAndGet(Duration.ofMinutes(2).toNanos());
		assertThat(this.challenges.verify(challenge.token(), answer(challenge)).failure()).isEqualTo(Failure.EXPIRED);
	}

	@Test
	void verifyWhenMissingOrForgedThenFailure() {
		Challenge challenge = this.challenges.issue(false);
		assertThat(this.challenges.verify(challenge.token(), " ").failure()).isEqualTo(Failure.MISSING_ANSWER);
		assertThat(this.challenges.verify(null, "7").failure()).isEqualTo(Failure.INVALID_TOKEN);
		assertThat(this.challenges.verify("forged", "7").failure()).isEqualTo(Failure.INVALID_TOKEN);
	}

	@Test
	void issueWhenTooManyOutstandingThenRefusedUntilTheyExpire() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.challenges.issue(false)).isNotNull();
		}
		assertThat(this.challenges.issue(false)).isNull();
		this.nanos.addAndGet(Duration.ofMinutes(3).toNanos());
		assertThat(this.challenges.issue(false)).isNotNull();
		assertThat(this.challenges.outstanding()).isEqualTo(1);
	}

	private static String answer(Challenge challenge) {
		Matcher matcher = QUESTION.matcher(challenge.question());
		assertThat(matcher.matches()).isTrue();
		return Integer.toString(Integer.parseInt(matcher.group(1)) + Integer.parseInt(matcher.group(2)));
	}

}
