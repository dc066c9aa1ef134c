package dev.aisd.observability.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A process for {@link ServerProcessTests} to launch: {@code StubServer serve PORT STATUS}
 * prints a line and answers every request with STATUS until terminated;
 * {@code StubServer exit CODE LINES} prints LINES numbered lines and exits with CODE;
 * {@code StubServer echo} copies its standard input to its output.
 */
public final class StubServer {

	private StubServer() {
	}

	public static void main(String[] args) throws IOException {
		switch (args[0]) {
			case "serve" -> serve(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "exit" -> {
				for (int i = 1; i <= Integer.parseInt(args[2]); i++) {
					System.out.println("line " + i);
				}
				System.exit(Integer.parseInt(args[1]));
			}
			case "echo" -> System.in.transferTo(System.out);
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	private static void serve(int port, int status) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		server.createContext("/", (exchange) -> {
			byte[] body = "stub".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		System.out.println("stub listening on " + port);
	}

}
