package dev.aisd.observability.sample.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedClientsTests {

	private final AtomicLong nanos = new AtomicLong(42);

	@Test
	void isBlockedWhenBlockedThenUntilDurationPassed() {
		BlockedClients clients = new BlockedClients(Duration.ofSeconds(60), 10, this.nanos::get);
		assertThat(clients.block("a")).isZero();
		assertThat(clients.isBlocked("a")).isTrue();
		assertThat(clients.isBlocked("b")).isFalse();
		assertThat(clients.blockedCount()).isOne();
		this.nanos.addAndGet(Duration.ofSeconds(61).toNanos());
		assertThat(clients.isBlocked("a")).isFalse();
		assertThat(clients.blockedCount()).isZero();
	}

	@Test
	void blockWhenRepeatOffenderThenPreviousOffencesCounted() {
		BlockedClients clients = new BlockedClients(Duration.ofSeconds(1), 10, this.nanos::get);
		clients.block("a");
		assertThat(clients.block("a")).isOne();
	}

	@Test
	void blockWhenFullThenBounded() {
		BlockedClients clients = new BlockedClients(Duration.ofMinutes(5), 5, this.nanos::get);
		for (int i = 0; i < 1000; i++) {
			clients.block("c" + i);
		}
		assertThat(clients.blockedCount()).isEqualTo(5);
	}

}
