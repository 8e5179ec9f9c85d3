package org.tresor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;

/**
 * HTTP/1.1 over a plain socket, for what a browser hides: the exact bytes of a response, whether its body
 * arrived complete (all of its Content-Length, or the closing zero-length chunk), and request headers a
 * browser would never send as given (a forged {@code Host}).
 */
public final class RawHttp {

	/** The status, headers (names in lower case) and the body bytes that arrived, chunk framing removed. */
	public record Response(int status, Map<String, String> headers, byte[] body, boolean complete) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * Posts {@code fields} as a form with the session and CSRF token of {@code page}, which {@code browser}
	 * shows: what pressing a button of that page does, but with the answer read byte by byte.
	 */
	public Response postFrom(WebClient browser, HtmlPage page, String path, Map<String, String> fields)
			throws IOException {
		return postFrom(browser, page, path, fields, Map.of());
	}

	/** The same, with {@code extraHeaders} on top (a forged Host, say). */
	public Response postFrom(WebClient browser, HtmlPage page, String path, Map<String, String> fields,
			Map<String, String> extraHeaders) throws IOException {
		var form = form(browser, page, fields, extraHeaders);
		return send("POST", path, form.headers(), form.body());
	}

	/**
	 * Posts like {@link #postFrom}, reads the first {@code bytes} of the answer and then drops the connection
	 * with a reset, as a browser does when its user cancels a download.
	 */
	public void postAndAbandon(WebClient browser, HtmlPage page, String path, Map<String, String> fields, int bytes)
			throws IOException {
		var form = form(browser, page, fields, Map.of());
		// a small receive buffer, so the server finds the connection gone while it still has bytes to send
		try (var socket = open("POST", path, form.headers(), form.body(), 32 * 1024)) {
			var in = socket.getInputStream();
			int read = in.readNBytes(bytes).length;
			if (read < bytes) {
				throw new IOException("The answer ended after " + read + " bytes, before it could be abandoned");
			}
			socket.setSoLinger(true, 0);
		}
	}

	private record Form(Map<String, String> headers, byte[] body) {
	}

	private static Form form(WebClient browser, HtmlPage page, Map<String, String> fields,
			Map<String, String> extraHeaders) {
		var all = new LinkedHashMap<>(fields);
		HtmlInput csrf = page.getFirstByXPath("//input[@name='_csrf']");
		all.put("_csrf", csrf.getValue());
		// the servlet container's session, or Spring Session's when sessions live in the database
		var session = browser.getCookieManager().getCookie("JSESSIONID");
		if (session == null) {
			session = browser.getCookieManager().getCookie("SESSION");
		}
		var body = all.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		var headers = new LinkedHashMap<String, String>(Map.of("Cookie", session.getName() + "=" + session.getValue(),
				"Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "en"));
		headers.putAll(extraHeaders);
		return new Form(headers, body.getBytes(StandardCharsets.US_ASCII));
	}

	/** Sends one request with exactly these headers (plus Host, unless given, and Connection: close). */
	public Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
		try (var socket = open(method, path, headers, body, 0)) {
			return read(socket.getInputStream());
		}
	}

	private Socket open(String method, String path, Map<String, String> headers, byte[] body, int receiveBuffer)
			throws IOException {
		var socket = new Socket();
		try {
			if (receiveBuffer > 0) {
				socket.setReceiveBufferSize(receiveBuffer);
			}
			socket.connect(new InetSocketAddress("localhost", port));
			socket.setSoTimeout(60_000);
			var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
			if (headers.keySet().stream().noneMatch("Host"::equalsIgnoreCase)) {
				head.append("Host: localhost:").append(port).append("\r\n");
			}
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
			var out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			return socket;
		}
		catch (IOException e) {
			socket.close();
			throw e;
		}
	}

	private static Response read(InputStream in) throws IOException {
		var raw = readUntilClosed(in);
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
		if (end < 0) {
			throw new IOException("No complete response head in " + raw.length + " bytes");
		}
		var lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].substring(9, 12));
		var headers = new LinkedHashMap<String, String>();
		for (var line : Arrays.asList(lines).subList(1, lines.length)) {
			int colon = line.indexOf(':');
			headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
					(a, b) -> a + ", " + b);
		}
		var rest = Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			return dechunk(status, headers, rest);
		}
		var length = headers.get("content-length");
		boolean complete = length == null || rest.length == Long.parseLong(length);
		return new Response(status, headers, rest, complete);
	}

	/** The chunks that arrived whole; complete only if the closing zero-length chunk came too. */
	private static Response dechunk(int status, Map<String, String> headers, byte[] raw) {
		var body = new ByteArrayOutputStream();
		int position = 0;
		while (true) {
			int lineEnd = indexOf(raw, new byte[] { '\r', '\n' }, position);
			if (lineEnd < 0) {
				return new Response(status, headers, body.toByteArray(), false);
			}
			var sizeField = new String(raw, position, lineEnd - position, StandardCharsets.US_ASCII);
			int size = Integer.parseInt(sizeField.split(";")[0].trim(), 16);
			if (size == 0) {
				return new Response(status, headers, body.toByteArray(), true);
			}
			int start = lineEnd + 2;
			if (start + size > raw.length) {
				body.write(raw, start, raw.length - start);
				return new Response(status, headers, body.toByteArray(), false);
			}
			body.write(raw, start, size);
			position = start + size + 2;
		}
	}

	/** Everything the server sent before it closed or reset the connection. */
	private static byte[] readUntilClosed(InputStream in) {
		var raw = new ByteArrayOutputStream();
		var buffer = new byte[1 << 16];
		try {
			for (int n; (n = in.read(buffer)) != -1;) {
				raw.write(buffer, 0, n);
			}
		}
		catch (IOException reset) {
			// a reset connection ends the response as much as a closed one does
		}
		return raw.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
