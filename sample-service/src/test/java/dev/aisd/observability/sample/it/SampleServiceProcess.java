package dev.aisd.observability.sample.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample service run the way a user runs it, {@code java -jar} on the executable jar
 * the build packages, as a subprocess on a free loopback port, its JSON log lines
 * written to a file. Ready when its liveness endpoint answers 200.
 */
public final class SampleServiceProcess extends LocalServerProcess {

	private SampleServiceProcess() throws IOException {
		super("sample-service");
	}

	/**
	 * Start the sample service and wait until it is live.
	 * @param arguments application arguments ({@code --name=value}) added to the port and
	 * address
	 * @return the running service
	 * @throws IOException if its directory or files cannot be written
	 */
	public static SampleServiceProcess start(List<String> arguments) throws IOException {
		SampleServiceProcess service = new SampleServiceProcess();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-jar", executableJar().toAbsolutePath().toString(), "--server.port=" + service.port(),
				"--server.address=127.0.0.1"));
		command.addAll(arguments);
		service.launch(command);
		return service;
	}

	/**
	 * Return the file the service writes its log lines to (its standard output).
	 * @return the log file
	 */
	public Path logPath() {
		return logFile();
	}

	@Override
	String readyPath() {
		return "/health/live";
	}

	@Override
	Duration startTimeout() {
		return Duration.ofMinutes(2);
	}

	// The integration tests run after "package", which leaves the repackaged jar (and
	// the plain one as *.jar.original) in target/.
	private static Path executableJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("sample-service-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No sample-service jar in target/: run the integration "
						+ "tests through Maven after package"));
		}
	}

}
