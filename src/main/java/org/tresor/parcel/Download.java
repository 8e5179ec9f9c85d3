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
	 * the download failed instead of keeping a truncated file.
	 */
	public void sendTo(HttpServletResponse response) throws IOException {
		response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (size != UNKNOWN_SIZE) {
			response.setContentLengthLong(size);
		}
		body.writeTo(response.getOutputStream());
		response.flushBuffer();
	}
}
