package dev.aisd.observability.logging.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import dev.aisd.observability.testsupport.JsonLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The asynchronous console on a real logback context writing to a real stdout stream:
 * Boot's captured one, or one that blocks the writing thread until the test releases it
 * (which no capture offers).
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncConsoleInstallerTests {

	/** The default flush interval. */
	private static final Duration FLUSH = Duration.ofMillis(10);

	private final LoggerContext context = new LoggerContext();

	private final ByteArrayOutputStream written = new ByteArrayOutputStream();

	private PrintStream original;

	@BeforeEach
	void rememberStdout() {
		this.original = System.out;
		// What the SLF4J binding gives every real context.
		this.context.setMDCAdapter(new LogbackMDCAdapter());
	}

	@AfterEach
	void restore() {
		this.context.stop();
		System.setOut(this.original);
	}

	@Test
	void installWhenConsoleAppenderThenEveryLineIsWrittenWithTheLoggingThreadName(CapturedOutput stdout) {
		ConsoleAppender<ILoggingEvent> console = console();
		assertThat(AsyncConsoleInstaller.install(this.context, 1024, Duration.ofSeconds(1), FLUSH)).isTrue();
		Logger root = root();
		assertThat(root.getAppender(AsyncConsoleInstaller.CONSOLE_APPENDER)).isNull();
		assertThat(root.getAppender(AsyncConsoleAppender.NAME)).isInstanceOf(AsyncConsoleAppender.class);
		for (int i = 0; i < 500; i++) {
			this.context.getLogger("test").info("line {}", i);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> JsonLines.lines(stdout).size() == 500);
		// The thread field names the thread that logged, not the one that wrote.
		assertThat(JsonLines.lines(stdout).get(0)).isEqualTo("test line 0 [main]");
		assertThat(console.isStarted()).isTrue();
	}

	@Test
	void installWithZeroFlushIntervalThenTheLoggingThreadsWakeTheWriterAndEveryLineIsWritten(CapturedOutput stdout) {
		console();
		assertThat(AsyncConsoleInstaller.install(this.context, 1024, Duration.ofSeconds(1), Duration.ZERO)).isTrue();
		for (int i = 0; i < 500; i++) {
			this.context.getLogger("test").info("line {}", i);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> JsonLines.lines(stdout).size() == 500);
	}

	@Test
	void installWhenFlushIntervalIsNegativeThenFailsNamingTheProperty() {
		console();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AsyncConsoleInstaller.install(this.context, 1024, Duration.ZERO, Duration.ofMillis(-1)))
			.withMessage("observability.logging.async.flush-interval must not be negative but was PT-0.001S");
		assertThat(root().getAppender(AsyncConsoleAppender.NAME)).isNull();
	}

	@Test
	void installTwiceThenInstallsOnce() {
		console();
		assertThat(AsyncConsoleInstaller.install(this.context, 1024, Duration.ZERO, FLUSH)).isTrue();
		assertThat(AsyncConsoleInstaller.install(this.context, 1024, Duration.ZERO, FLUSH)).isFalse();
	}

	@Test
	void installWithoutConsoleAppenderThenLeavesTheConfigurationAlone() {
		assertThat(AsyncConsoleInstaller.install(this.context, 1024, Duration.ZERO, FLUSH)).isFalse();
		assertThat(root().getAppender(AsyncConsoleAppender.NAME)).isNull();
	}

	@Test
	void installWhenQueueSizeIsNotAPowerOfTwoThenFails() {
		console();
		assertThatIllegalArgumentException().isThrownBy(() -> AsyncConsoleInstaller.install(this.context, 1000, Duration.ZERO, FLUSH))
			.withMessage("observability.logging.async.queue-size must be a power of two but was 1000");
	}

	@Test
	void stopWhenLinesAreQueuedThenWritesThemAll() {
		CountDownLatch release = new CountDownLatch(1);
		System.setOut(blockingStdout(release));
		console();
		AsyncConsoleInstaller.install(this.context, 1024, Duration.ofSeconds(5), FLUSH);
		for (int i = 0; i < 200; i++) {
			this.context.getLogger("test").info("queued {}", i);
		}
		// Logging returned although the background thread cannot write yet.
		assertThat(lines()).isEmpty();
		release.countDown();
		// Stopping the context is what Spring Boot's logging shutdown does.
		this.context.stop();
		assertThat(lines()).hasSize(200);
	}

	@Test
	void appendWhenQueueStaysFullThenDropsAndCountsEveryLostLine() {
		CountDownLatch release = new CountDownLatch(1);
		System.setOut(blockingStdout(release));
		console();
		AsyncConsoleInstaller.install(this.context, 8, Duration.ZERO, FLUSH);
		long droppedBefore = AsyncConsoleAppender.droppedEvents();
		for (int i = 0; i < 100; i++) {
			this.context.getLogger("test").info("burst {}", i);
		}
		release.countDown();
		this.context.stop();
		long dropped = AsyncConsoleAppender.droppedEvents() - droppedBefore;
		assertThat(dropped).isPositive();
		assertThat(lines().length + dropped).isEqualTo(100);
	}

	private ConsoleAppender<ILoggingEvent> console() {
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(this.context);
		encoder.setPattern("%logger %msg [%thread]%n");
		encoder.start();
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(this.context);
		console.setName(AsyncConsoleInstaller.CONSOLE_APPENDER);
		console.setEncoder(encoder);
		console.start();
		root().addAppender(console);
		return console;
	}

	private Logger root() {
		return this.context.getLogger(Logger.ROOT_LOGGER_NAME);
	}

	private String[] lines() {
		synchronized (this.written) {
			String text = this.written.toString(StandardCharsets.UTF_8);
			return text.isEmpty() ? new String[0] : text.split("\n");
		}
	}

	/** A stdout on which the background thread waits until the test releases it. */
	private PrintStream blockingStdout(CountDownLatch release) {
		ByteArrayOutputStream target = this.written;
		return new PrintStream(new OutputStream() {

			@Override
			public void write(int b) {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				try {
					if (Thread.currentThread().getName().startsWith("observability-log")) {
						release.await();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				synchronized (target) {
					target.write(b, off, len);
				}
			}

		}, true, StandardCharsets.UTF_8);
	}

}
