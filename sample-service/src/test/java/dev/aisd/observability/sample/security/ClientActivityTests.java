package dev.aisd.observability.sample.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.aisd.observability.sample.security.ClientActivity.Finding;
import dev.aisd.observability.sample.security.ClientActivity.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientActivityTests {

	private final AtomicLong nanos = new AtomicLong();

	private final ClientActivity activity = new ClientActivity(Duration.ofSeconds(10), 5, 3, 4, 100, this.nanos::get);

	@Test
	void requestWhenBurstThenOneHighScoredFindingPerWindow() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.activity.request("a", false)).isNull();
		}
		Finding burst = this.activity.request("a", false);
		assertThat(burst.kind()).isEqualTo(Kind.REQUEST_BURST);
		assertThat(burst.score()).isEqualTo(1.0);
		assertThat(this.activity.request("a", false)).as("once per window").isNull();
		assertThat(this.activity.request("b", false)).as("other clients count on their own").isNull();
	}

	@Test
	void requestWhenThresholdReachedLateInWindowThenLowerScore() {
		for (int i = 0; i < 4; i++) {
			this.activity.request("a", false);
		}
		this.nanos.addAndGet(Duration.ofSeconds(9).toNanos());
		assertThat(this.activity.request("a", false).score()).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void requestWhenNewWindowThenCountsStartAgain() {
		for (int i = 0; i < 5; i++) {
			this.activity.request("a", false);
		}
		this.nanos.addAndGet(Duration.ofSeconds(10).toNanos());
		for (int i = 0; i < 4; i++) {
			assertThat(this.activity.request("a", false)).isNull();
		}
		assertThat(this.activity.request("a", false).kind()).isEqualTo(Kind.REQUEST_BURST);
	}

	@Test
	void requestWhenManyItemLookupsThenEnumeration() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.activity.request("a", true)).isNull();
		}
		assertThat(this.activity.request("a", true).kind()).isEqualTo(Kind.ENUMERATION);
	}

	@Test
	void responseWhenMostAnswersAreErrorsThenErrorBurst() {
		for (int i = 0; i < 3; i++) {
			this.activity.request("a", false);
		}
		assertThat(this.activity.response("a", 404)).isNull();
		assertThat(this.activity.response("a", 200)).isNull();
		assertThat(this.activity.response("a", 403)).isNull();
		Finding burst = this.activity.response("a", 429);
		assertThat(burst.kind()).isEqualTo(Kind.ERROR_BURST);
		assertThat(burst.score()).isEqualTo(1.0);
		assertThat(this.activity.response("a", 429)).as("once per window").isNull();
	}

	@Test
	void responseWhenErrorsAreAMinorityThenNothing() {
		ClientActivity lenient = new ClientActivity(Duration.ofSeconds(10), 100, 3, 100, 100, this.nanos::get);
		for (int i = 0; i < 10; i++) {
			lenient.request("a", false);
		}
		for (int i = 0; i < 4; i++) {
			assertThat(lenient.response("a", 500)).isNull();
		}
	}

	@Test
	void responseWhenUnknownClientThenNothing() {
		assertThat(this.activity.response("nobody", 500)).isNull();
	}

	@Test
	void requestWhenManyClientsThenMapStaysBounded() {
		ClientActivity small = new ClientActivity(Duration.ofSeconds(10), 5, 3, 4, 50, this.nanos::get);
		for (int i = 0; i < 10_000; i++) {
			small.request("10.0." + (i / 256) + "." + (i % 256), false);
		}
		assertThat(small.trackedClients()).isEqualTo(50);
		this.nanos.addAndGet(Duration.ofSeconds(10).toNanos());
		small.request("192.0.2.1", false);
		assertThat(small.trackedClients()).as("finished windows dropped").isEqualTo(1);
	}

	@Test
	void createWhenInvalidSettingsThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientActivity(Duration.ZERO, 1, 1, 1, 1, this.nanos::get));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientActivity(Duration.ofSeconds(1), 0, 1, 1, 1, this.nanos::get));
	}

}
