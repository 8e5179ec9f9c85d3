package org.tresor.parcel.web;

import java.io.IOException;

import org.tresor.parcel.FormBody;

import jakarta.servlet.http.HttpServletRequest;

/** The body of a form POST as parcel intake reads it: straight from the request, as it arrives. */
public final class FormBodies {

	private FormBodies() {
	}

	public static FormBody of(HttpServletRequest request) throws IOException {
		return new FormBody(request.getContentType(), request.getContentLengthLong(), request.getInputStream());
	}

	/**
	 * A refused form whose sender should see why (a valid ticket, a signed-in sender): reads and discards the
	 * rest of its body if it announced at most {@code atMost} bytes, so that the browser, still sending, then gets
	 * the page instead of a reset connection. A larger (or unannounced) body stays unread, and the connection
	 * closes right after the answer (see the web module's ServerConfiguration), so nobody holds a worker thread
	 * by sending more.
	 */
	public static void finishReading(HttpServletRequest request, long atMost) throws IOException {
		long announced = request.getContentLengthLong();
		if (announced < 0 || announced > atMost) {
			return;
		}
		var in = request.getInputStream();
		var discarded = new byte[1 << 16];
		long left = atMost;
		int read;
		while (left > 0 && (read = in.read(discarded, 0, (int) Math.min(discarded.length, left))) != -1) {
			left -= read;
		}
	}
}
