package dev.aisd.observability.sample.health;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.springframework.stereotype.Component;

/**
 * The faults currently switched on, per check, and how a check behaves under them.
 */
@Component
public class HealthDrills {

	/** Names of the checks that drills can break. */
	public static final Set<String> CHECKS = Set.of("database", "cache");

	private static final Duration SLOW = Duration.ofMillis(1500);

	private final Map<String, Fault> faults = new ConcurrentHashMap<>();

	// Counted down when a fault is cleared, which releases hung checks.
	private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();

	/**
	 * Switches a fault on.
	 * @param check the check
	 * @param fault the fault
	 */
	public void set(String check, Fault fault) {
		requireKnown(check);
		if (fault == Fault.NONE) {
			clear(check);
			return;
		}
		this.releases.computeIfAbsent(check, (name) -> new CountDownLatch(1));
		this.faults.put(check, fault);
	}

	/**
	 * Switches the fault of a check off and releases a hung run.
	 * @param check the check
	 */
	public void clear(String check) {
		requireKnown(check);
		this.faults.remove(check);
		CountDownLatch release = this.releases.remove(check);
		if (release != null) {
			release.countDown();
		}
	}

	/**
	 * Returns the current faults.
	 * @return the fault of every check
	 */
	public Map<String, String> current() {
		Map<String, String> current = new TreeMap<>();
		for (String check : CHECKS) {
			current.put(check, this.faults.getOrDefault(check, Fault.NONE).value());
		}
		return current;
	}

	/**
	 * Applies the current fault of a check before it does its real work.
	 * @param check the check
	 * @return an error message when the fault makes the check unhealthy, else {@code null}
	 * @throws Exception the exception the fault throws
	 */
	String apply(String check) throws Exception {
		Fault fault = this.faults.getOrDefault(check, Fault.NONE);
		switch (fault) {
			case ERROR:
				return "drill: " + check + " unavailable";
			case EXCEPTION:
				throw new IllegalStateException("drill: " + check + " threw");
			case SLOW:
				Thread.sleep(SLOW.toMillis());
				return null;
			case HANG:
				CountDownLatch release = this.releases.get(check);
				if (release != null) {
					release.await();
				}
				return null;
			default:
				return null;
		}
	}

	private static void requireKnown(String check) {
		if (!CHECKS.contains(check)) {
			throw new IllegalArgumentException("Unknown check '" + check + "', expected database or cache");
		}
	}

}
