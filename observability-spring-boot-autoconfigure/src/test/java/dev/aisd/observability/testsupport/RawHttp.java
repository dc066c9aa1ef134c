package dev.aisd.observability.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a raw socket, so tests can send header values that a
 * well-behaved client library refuses to send (non-ASCII, quotes, huge values).
 */
public final class RawHttp {

	private RawHttp() {
	}

	public static Response get(int port, String path, String requestIdHeaderValue) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.writeBytes(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			if (requestIdHeaderValue != null) {
				request.writeBytes("X-Request-ID: ".getBytes(StandardCharsets.US_ASCII));
				request.writeBytes(requestIdHeaderValue.getBytes(StandardCharsets.UTF_8));
				request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.write(request.toByteArray());
			out.flush();
			InputStream in = socket.getInputStream();
			String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			int headerEnd = raw.indexOf("\r\n\r\n");
			String head = (headerEnd >= 0) ? raw.substring(0, headerEnd) : raw;
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			return new Response(status, headers, head);
		}
	}

	public record Response(int status, Map<String, String> headers, String head) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
