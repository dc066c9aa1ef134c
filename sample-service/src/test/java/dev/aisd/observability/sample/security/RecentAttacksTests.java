package dev.aisd.observability.sample.security;

import java.util.concurrent.atomic.AtomicLong;

import dev.aisd.observability.sample.security.RecentAttacks.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAttacksTests {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

	private final RecentAttacks attacks = new RecentAttacks(this.nanos::get);

	@Test
	void threatLevelWhenNothingHappenedThenZero() {
		assertThat(this.attacks.threatLevel()).isZero();
	}

	@Test
	void threatLevelWhenAttacksGrowThenLevelRises() {
		record(Kind.SQL_INJECTION, 5);
		assertThat(this.attacks.threatLevel()).isEqualTo(1);
		record(Kind.HONEYPOT, 50);
		assertThat(this.attacks.threatLevel()).isEqualTo(2);
		record(Kind.AUTH_FAILURE, 300);
		assertThat(this.attacks.threatLevel()).isEqualTo(3);
		record(Kind.RATE_LIMIT, 400);
		assertThat(this.attacks.threatLevel()).isEqualTo(4);
		record(Kind.BLOCKED_REQUEST, 300);
		assertThat(this.attacks.threatLevel()).isEqualTo(5);
		record(Kind.BOT, 1000);
		assertThat(this.attacks.threatLevel()).as("bots count a fifth").isEqualTo(5);
	}

	@Test
	void threatLevelWhenAMinutePassesThenAttacksAgeOut() {
		record(Kind.SQL_INJECTION, 50);
		this.nanos.addAndGet(61_000_000_000L);
		assertThat(this.attacks.threatLevel()).isZero();
		assertThat(this.attacks.countsWithin(RecentAttacks.WINDOW_SECONDS).get(Kind.SQL_INJECTION)).isEqualTo(50);
		this.nanos.addAndGet(RecentAttacks.WINDOW_SECONDS * 1_000_000_000L);
		assertThat(this.attacks.countsWithin(RecentAttacks.WINDOW_SECONDS).get(Kind.SQL_INJECTION)).isZero();
	}

	@Test
	void countsWithinWhenRingWrapsThenOldSlotsAreReset() {
		record(Kind.BOT, 3);
		this.nanos.addAndGet(RecentAttacks.WINDOW_SECONDS * 1_000_000_000L);
		record(Kind.BOT, 1);
		assertThat(this.attacks.countsWithin(60).get(Kind.BOT)).isOne();
	}

	private void record(Kind kind, int times) {
		for (int i = 0; i < times; i++) {
			this.attacks.record(kind);
		}
	}

}
