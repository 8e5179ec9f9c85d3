package org.tresor.parcel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;

/** A file on its way to the browser: written while it is decrypted, never staged anywhere. */
public record Download(String fileName, long size, Body body) {

	public static final long UNKNOWN_SIZE = -1;

	@FunctionalInterface
	public interface Body {

		void writeTo(OutputStream out) throws IOException;
	}

	/**
	 * Streams the download as an attachment the browser never renders. Should decryption fail half-way
	 * (tampered ciphertext), the exception ends the response without its final chunk, so the browser marks
	 * the download failed instead of keeping a truncated file. Should it fail before the first byte (a key
	 * packet that does not fit), the response is still untouched, so the error page is an ordinary page.
	 */
	public void sendTo(HttpServletResponse response) throws IOException {
		var out = new AttachmentStream(response);
		body.writeTo(out);
		out.start();
		response.flushBuffer();
	}

	/**
	 * {@code attachment} with the name twice (RFC 6266): as {@code filename*=UTF-8''…}, percent-encoded, which
	 * browsers use, and as a quoted ASCII fallback with everything else replaced. Spring's builder would put
	 * the raw name, line breaks included, into that fallback; so the name is normalised first and the
	 * fallback made ASCII. The header is then printable ASCII whatever the name.
	 */
	static String contentDisposition(String name) {
		var safe = FileNames.forDisplay(name);
		var ascii = new StringBuilder(safe.length());
		safe.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F ? (char) c : '_'));
		var encoded = ContentDisposition.attachment().filename(safe, StandardCharsets.UTF_8).build().toString();
		return ContentDisposition.attachment().filename(ascii.toString()).build()
				+ encoded.substring(encoded.indexOf("; filename*="));
	}

	/** Sets the attachment headers with the first byte; until then the response can still become a page. */
	private final class AttachmentStream extends OutputStream {

		private final HttpServletResponse response;

		private OutputStream out;

		AttachmentStream(HttpServletResponse response) {
			this.response = response;
		}

		void start() throws IOException {
			if (out != null) {
				return;
			}
			response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName));
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			if (size != UNKNOWN_SIZE) {
				response.setContentLengthLong(size);
			}
			out = response.getOutputStream();
		}

		@Override
		public void write(int b) throws IOException {
			start();
			out.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			start();
			out.write(bytes, offset, length);
		}

		@Override
		public void flush() throws IOException {
			if (out != null) {
				out.flush();
			}
		}
	}
}
