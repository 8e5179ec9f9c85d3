package org.tresor.parcel.web;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.http.HttpHeaders;
import org.tresor.parcel.Download;

import jakarta.servlet.http.HttpServletResponse;

/** Writes a {@link Download} into an HTTP response: the one place a download meets the servlet API. */
public final class DownloadResponses {

	private DownloadResponses() {
	}

	/**
	 * Streams the download as an attachment the browser never renders. Should decryption fail half-way
	 * (tampered ciphertext), the exception ends the response without its final chunk, so the browser marks
	 * the download failed instead of keeping a truncated file. Should it fail before the first byte (a key
	 * packet that does not fit), the response is still untouched, so the error page is an ordinary page.
	 * Only once the last byte went out to the client is the download {@link Download#delivered() delivered}:
	 * a client that goes away half-way makes the writing fail, and nothing is recorded.
	 */
	public static void send(Download download, HttpServletResponse response) throws IOException {
		var out = new AttachmentStream(download, response);
		download.writeTo(out);
		out.start();
		response.flushBuffer();
		download.delivered();
	}

	/** Sets the attachment headers with the first byte; until then the response can still become a page. */
	private static final class AttachmentStream extends OutputStream {

		private final Download download;

		private final HttpServletResponse response;

		private OutputStream out;

		AttachmentStream(Download download, HttpServletResponse response) {
			this.download = download;
			this.response = response;
		}

		void start() throws IOException {
			if (out != null) {
				return;
			}
			response.setContentType(Download.CONTENT_TYPE);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			if (download.hasKnownSize()) {
				response.setContentLengthLong(download.size());
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
