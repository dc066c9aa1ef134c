package dev.aisd.observability.sample.security;

import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Arithmetic CAPTCHA challenges ("What is 3 + 4?"), single use, valid for a while, at
 * most {@code maxChallenges} outstanding. Each challenge remembers whether the client
 * that asked for it was flagged as a bot, so its outcome can confirm or refute that
 * verdict.
 */
final class CaptchaChallenges {

	/** Why a verification failed: the {@code failure_reason} label. */
	enum Failure {

		WRONG_ANSWER("wrong_answer"), EXPIRED("expired"), INVALID_TOKEN("invalid_token"),
		MISSING_ANSWER("missing_answer");

		private final String label;

		Failure(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	/**
	 * A challenge handed out.
	 *
	 * @param token the single-use token
	 * @param question the question to show
	 */
	record Challenge(String token, String question) {
	}

	/**
	 * The outcome of a verification.
	 *
	 * @param failure why it failed, {@code null} when solved
	 * @param flaggedAsBot whether the challenged client was flagged as a bot; {@code false}
	 * when the token was unknown
	 */
	record Outcome(Failure failure, boolean flaggedAsBot) {

		boolean solved() {
			return this.failure == null;
		}

	}

	private record Pending(int answer, long expiresNanos, boolean flaggedAsBot) {
	}

	private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

	private final long ttlNanos;

	private final int maxChallenges;

	private final LongSupplier nanoClock;

	CaptchaChallenges(Duration ttl, int maxChallenges, LongSupplier nanoClock) {
		this.ttlNanos = ttl.toNanos();
		this.maxChallenges = maxChallenges;
		this.nanoClock = nanoClock;
	}

	/**
	 * Hand out a challenge.
	 * @param flaggedAsBot whether the client asking for it was flagged as a bot
	 * @return the challenge, or {@code null} when too many are outstanding
	 */
	Challenge issue(boolean flaggedAsBot) {
		long now = this.nanoClock.getAsLong();
		if (this.pending.size() >= this.maxChallenges) {
			purgeExpired(now);
			if (this.pending.size() >= this.maxChallenges) {
				return null;
			}
		}
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int a = random.nextInt(1, 10);
		int b = random.nextInt(1, 10);
		String token = UUID.randomUUID().toString();
		this.pending.put(token, new Pending(a + b, now + this.ttlNanos, flaggedAsBot));
		return new Challenge(token, "What is " + a + " + " + b + "?");
	}

	/**
	 * Verify an answer; the token is spent whatever the outcome.
	 * @param token the token, may be {@code null}
	 * @param answer the answer, may be {@code null}
	 * @return the outcome
	 */
	Outcome verify(String token, String answer) {
		Pending challenge = (token != null) ? this.pending.remove(token) : null;
		if (challenge == null) {
			return new Outcome(Failure.INVALID_TOKEN, false);
		}
		if (challenge.expiresNanos() - this.nanoClock.getAsLong() <= 0) {
			return new Outcome(Failure.EXPIRED, challenge.flaggedAsBot());
		}
		if (answer == null || answer.isBlank()) {
			return new Outcome(Failure.MISSING_ANSWER, challenge.flaggedAsBot());
		}
		boolean right = answer.strip().equals(Integer.toString(challenge.answer()));
		return new Outcome(right ? null : Failure.WRONG_ANSWER, challenge.flaggedAsBot());
	}

	int outstanding() {
		return this.pending.size();
	}

	private void purgeExpired(long now) {
		for (Iterator<Pending> iterator = this.pending.values().iterator(); iterator.hasNext();) {
			if (iterator.next().expiresNanos() - now <= 0) {
				iterator.remove();
			}
		}
	}

}
