package dev.aisd.observability.logging;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.aisd.observability.logging.internal.HandledRequestFields;
import dev.aisd.observability.web.CompletedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class HandledRequestLoggerTests {

	private final Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger(HandledRequestLoggerTests.class.getName() + ".access");

	private final CapturingAppender appender = new CapturingAppender();

	private final CompletedRequest request = new CompletedRequest("POST", "/orders/{id}", "/orders/9", 201,
			2_000_000, "10.0.0.1", "req-1", "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", null);

	@BeforeEach
	void attach() {
		this.appender.setContext(this.logger.getLoggerContext());
		this.appender.start();
		this.logger.addAppender(this.appender);
		this.logger.setAdditive(false);
		this.logger.setLevel(Level.INFO);
	}

	@AfterEach
	void detach() {
		this.logger.detachAppender(this.appender);
		MDC.clear();
	}

	@Test
	void onCompletedWhenJsonThenExactMessageWithFieldsArgumentAndRequestIdsInMdc() {
		new HandledRequestLogger(this.logger, false).onCompleted(this.request);

		assertThat(this.appender.events).singleElement().satisfies((event) -> {
			assertThat(event.getFormattedMessage()).isEqualTo("Handled request");
			assertThat(event.getLevel()).isEqualTo(Level.INFO);
			assertThat(event.getArgumentArray()).singleElement().isInstanceOf(HandledRequestFields.class);
			assertThat(event.getMDCPropertyMap()).containsEntry("request_id", "req-1")
				.containsEntry("traceId", "0af7651916cd43dd8448eb211c80319c")
				.containsEntry("spanId", "b7ad6b7169203331");
		});
	}

	@Test
	void onCompletedWhenMdcHeldOtherValuesThenRestoredAfterwards() {
		MDC.put("request_id", "outer");
		MDC.put("traceId", "outer-trace");

		new HandledRequestLogger(this.logger, false).onCompleted(this.request);

		assertThat(MDC.get("request_id")).isEqualTo("outer");
		assertThat(MDC.get("traceId")).isEqualTo("outer-trace");
		assertThat(MDC.get("spanId")).isNull();
	}

	@Test
	void onCompletedWhenRequestHasNoIdsThenNoStaleIdsFromThread() {
		MDC.put("request_id", "stale");
		CompletedRequest untraced = new CompletedRequest("GET", null, "/x", 404, 1, null, null, null, null, null);

		new HandledRequestLogger(this.logger, false).onCompleted(untraced);

		assertThat(this.appender.events).singleElement()
			.satisfies((event) -> assertThat(event.getMDCPropertyMap()).doesNotContainKeys("request_id", "traceId"));
		assertThat(MDC.get("request_id")).isEqualTo("stale");
	}

	@Test
	void onCompletedWhenTextThenFieldsInMessage() {
		new HandledRequestLogger(this.logger, true).onCompleted(this.request);

		assertThat(this.appender.events).singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).isEqualTo(
					"Handled request method=POST path=/orders/{id} status_code=201 duration_seconds=0.002 client_ip=10.0.0.1"));
	}

	@Test
	void onCompletedWhenLoggerLevelAboveInfoThenNothingLogged() {
		this.logger.setLevel(Level.WARN);

		new HandledRequestLogger(this.logger, false).onCompleted(this.request);

		assertThat(this.appender.events).isEmpty();
	}

	static class CapturingAppender extends AppenderBase<ILoggingEvent> {

		final List<ILoggingEvent> events = new ArrayList<>();

		@Override
		protected void append(ILoggingEvent event) {
			// Snapshot the MDC now, as a real encoder or async appender would.
			event.prepareForDeferredProcessing();
			this.events.add(event);
		}

	}

}
