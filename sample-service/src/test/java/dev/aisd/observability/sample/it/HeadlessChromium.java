package dev.aisd.observability.sample.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A headless Chromium (Debian's {@code chromium} package) driven over the DevTools
 * protocol with the JDK's WebSocket client: one page, commands answered by id, events
 * kept for the test to look at. No driver binary and no library beyond the JDK and
 * Jackson.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

	private final Process process;

	private final Path profile;

	private final WebSocket socket;

	private final AtomicInteger ids = new AtomicInteger();

	private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private final List<JsonNode> events = new CopyOnWriteArrayList<>();

	private final List<String> output = new CopyOnWriteArrayList<>();

	private HeadlessChromium(Process process, Path profile, WebSocket socket) {
		this.process = process;
		this.profile = profile;
		this.socket = socket;
	}

	/**
	 * Start Chromium with a fresh profile and attach to its first page.
	 * @param width the window width in pixels
	 * @param height the window height in pixels
	 * @return the browser
	 * @throws Exception if it cannot start
	 */
	public static HeadlessChromium start(int width, int height) throws Exception {
		Path profile = Files.createTempDirectory("console-chromium");
		List<String> command = new ArrayList<>(List.of(binary(), "--headless", "--disable-gpu",
				"--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
				"--disable-background-networking", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
				"--user-data-dir=" + profile, "--window-size=" + width + "," + height));
		if ("root".equals(System.getProperty("user.name"))) {
			// Chromium refuses to run its sandbox as root (CI containers).
			command.add("--no-sandbox");
		}
		command.add("about:blank");
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		CompletableFuture<String> browserUrl = new CompletableFuture<>();
		List<String> output = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.add(line);
					Matcher matcher = LISTENING.matcher(line);
					if (matcher.find()) {
						browserUrl.complete(matcher.group(1));
					}
				}
			}
			catch (IOException ex) {
				// The process went away; the future below times out or was completed.
			}
			browserUrl.completeExceptionally(new IllegalStateException("Chromium exited: " + output));
		}, "chromium-stderr");
		reader.setDaemon(true);
		reader.start();
		try {
			URI browser = URI.create(browserUrl.get(60, TimeUnit.SECONDS));
			String pageUrl = pageWebSocket(browser);
			HeadlessChromium[] self = new HeadlessChromium[1];
			WebSocket socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.buildAsync(URI.create(pageUrl), new Listener(() -> self[0]))
				.get(30, TimeUnit.SECONDS);
			self[0] = new HeadlessChromium(process, profile, socket);
			self[0].output.addAll(output);
			return self[0];
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw new IllegalStateException("Chromium did not start: " + output, ex);
		}
	}

	private static String binary() {
		String configured = System.getenv("CHROMIUM");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
			for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
				if (Files.isExecutable(Path.of(dir, name))) {
					return Path.of(dir, name).toString();
				}
			}
		}
		throw new IllegalStateException("No Chromium on the PATH: install Debian's 'chromium' package "
				+ "(apt-get install -y --no-install-recommends chromium) or set CHROMIUM to its binary");
	}

	private static String pageWebSocket(URI browser) throws Exception {
		URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString());
		for (JsonNode target : JSON.readTree(response.body())) {
			if ("page".equals(target.path("type").asString())) {
				return target.path("webSocketDebuggerUrl").asString();
			}
		}
		throw new IllegalStateException("No page target in " + response.body());
	}

	/**
	 * Send a DevTools command and wait for its answer.
	 * @param method the method, for example {@code Page.navigate}
	 * @param params its parameters
	 * @return the {@code result} of the answer
	 */
	public JsonNode send(String method, Map<String, ?> params) {
		int id = this.ids.incrementAndGet();
		ObjectNode message = JSON.createObjectNode();
		message.put("id", id);
		message.put("method", method);
		message.set("params", JSON.valueToTree(params));
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		this.pending.put(id, answer);
		this.socket.sendText(message.toString(), true).join();
		try {
			JsonNode result = answer.get(30, TimeUnit.SECONDS);
			if (result.has("error")) {
				throw new IllegalStateException(method + " failed: " + result.get("error"));
			}
			return result.path("result");
		}
		catch (Exception ex) {
			throw (ex instanceof IllegalStateException state) ? state
					: new IllegalStateException(method + " got no answer; Chromium said: " + this.output, ex);
		}
		finally {
			this.pending.remove(id);
		}
	}

	/**
	 * Evaluate a JavaScript expression in the page (promises are awaited).
	 * @param expression the expression
	 * @return its value as JSON
	 */
	public JsonNode evaluate(String expression) {
		JsonNode result = send("Runtime.evaluate",
				Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
		if (result.has("exceptionDetails")) {
			throw new IllegalStateException("'" + expression + "' threw " + result.get("exceptionDetails"));
		}
		return result.path("result").path("value");
	}

	/**
	 * Send every request of the page with extra headers (credentials, for example).
	 * @param headers the headers
	 */
	public void extraHeaders(Map<String, String> headers) {
		send("Network.enable", Map.of());
		send("Network.setExtraHTTPHeaders", Map.of("headers", headers));
	}

	/**
	 * Load a URL in the page.
	 * @param url the URL
	 */
	public void navigate(String url) {
		send("Page.enable", Map.of());
		send("Runtime.enable", Map.of());
		send("Page.navigate", Map.of("url", url));
	}

	/**
	 * Take a PNG screenshot of the whole page.
	 * @param file where to write it
	 * @throws IOException if it cannot be written
	 */
	public void screenshot(Path file) throws IOException {
		JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
		Files.write(file, java.util.Base64.getDecoder().decode(shot.path("data").asString()));
	}

	/**
	 * Return the events received so far with a method name.
	 * @param method the event method, for example {@code Page.javascriptDialogOpening}
	 * @return the events' parameters
	 */
	public List<JsonNode> events(String method) {
		return this.events.stream()
			.filter((event) -> method.equals(event.path("method").asString()))
			.map((event) -> event.path("params"))
			.toList();
	}

	@Override
	public void close() throws IOException {
		try {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// Closing anyway.
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private void received(JsonNode message) {
		if (message.has("id")) {
			CompletableFuture<JsonNode> answer = this.pending.get(message.path("id").asInt());
			if (answer != null) {
				answer.complete(message);
			}
		}
		else {
			this.events.add(message);
		}
	}

	/**
	 * Collects text frames into messages.
	 */
	private static final class Listener implements WebSocket.Listener {

		private final java.util.function.Supplier<HeadlessChromium> owner;

		private final StringBuilder text = new StringBuilder();

		private final List<JsonNode> early = new ArrayList<>();

		Listener(java.util.function.Supplier<HeadlessChromium> owner) {
			this.owner = owner;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				JsonNode message = JSON.readTree(this.text.toString());
				this.text.setLength(0);
				HeadlessChromium chromium = this.owner.get();
				if (chromium == null) {
					this.early.add(message);
				}
				else {
					this.early.forEach(chromium::received);
					this.early.clear();
					chromium.received(message);
				}
			}
			webSocket.request(1);
			return null;
		}

	}


}
