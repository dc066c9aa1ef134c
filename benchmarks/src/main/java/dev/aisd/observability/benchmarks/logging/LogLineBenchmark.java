package dev.aisd.observability.benchmarks.logging;

import java.io.FileNotFoundException;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.aisd.observability.logging.HandledRequestLogger;
import dev.aisd.observability.web.CompletedRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Cost of one log line as the application pays it: the logger call, the logback event,
 * the MDC snapshot, the encoding and the write, for a typical application line and for
 * the {@code Handled request} line, in JSON (the starter's default) and in Spring Boot's
 * text pattern.
 * <p>
 * {@code sink=null} writes to a discarding stream (encoding cost alone);
 * {@code sink=devnull} writes to {@code /dev/null} through a file descriptor, one
 * {@code write} system call per line as a console appender does on a pipe;
 * {@code sink=async} puts a logback {@link AsyncAppender} (queue 8192, never discarding,
 * blocking when full) in front of the {@code devnull} appender: what the application
 * thread pays when encoding and writing move to a background thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LogLineBenchmark {

	@Param({ "null", "devnull", "async" })
	public String sink;

	private Logger jsonLogger;

	private Logger textLogger;

	private HandledRequestLogger handledRequestLogger;

	private final CompletedRequest request = new CompletedRequest("GET", "/api/items/{id}", "/api/items/42", 200,
			1_234_567, "10.1.2.3", "0af7651916cd43dd8448eb211c80319d", "0af7651916cd43dd8448eb211c80319c",
			"b7ad6b7169203331", null);

	private LoggerContext context;

	@Setup(Level.Trial)
	public void setUp() throws FileNotFoundException {
		this.context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.context.reset();
		this.context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.OFF);
		this.jsonLogger = BenchmarkLoggers.logger(this.context, "bench.json", BenchmarkLoggers.json(), this.sink);
		this.textLogger = BenchmarkLoggers.logger(this.context, "bench.text", BenchmarkLoggers.text(), this.sink);
		BenchmarkLoggers.logger(this.context, HandledRequestLogger.LOGGER_NAME, BenchmarkLoggers.json(), this.sink);
		this.handledRequestLogger = new HandledRequestLogger(false);
		// A request's MDC as the starter and Micrometer Tracing leave it.
		MDC.put("request_id", "0af7651916cd43dd8448eb211c80319d");
		MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");
		MDC.put("spanId", "b7ad6b7169203331");
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		MDC.clear();
		this.context.stop();
	}

	@Benchmark
	public void typicalLineJson() {
		this.jsonLogger.info("Loaded item {} for customer {}", 42, "c-1001");
	}

	@Benchmark
	public void typicalLineText() {
		this.textLogger.info("Loaded item {} for customer {}", 42, "c-1001");
	}

	@Benchmark
	public void handledRequestLineJson() {
		this.handledRequestLogger.onCompleted(this.request);
	}

}
