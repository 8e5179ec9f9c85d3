package org.tresor.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The "temporarily unavailable" page of {@link UnavailablePage}, rendered once per language and from then on
 * answered from memory. For refusals that come by the hundred at once (a burst of sign-ins beyond what the password
 * hashing takes): rendering the page cost each refusal about 2 ms of CPU, a write costs a tenth of that, and while a
 * burst was being turned away, every other page waited for those renders. The page shows nothing of the request.
 * Rendered as before: a request that switches the language ({@code ?lang=}), so its choice is remembered, and one
 * that does not ask for HTML (it gets the error as JSON).
 */
@Component
public class RememberedUnavailablePage {

	private final LocaleResolver locales;

	private final Map<Variant, Rendered> pages = new ConcurrentHashMap<>();

	public RememberedUnavailablePage(LocaleResolver locales) {
		this.locales = locales;
	}

	public void send(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
			throws ServletException, IOException {
		send(request, response, retryAfter, "");
	}

	/**
	 * @param kind what the page shows besides the language, for a caller whose request attributes choose among a
	 * few pages (the refused transfer's two reasons); one of a fixed few, each remembered on its own
	 */
	public void send(HttpServletRequest request, HttpServletResponse response, Duration retryAfter, String kind)
			throws ServletException, IOException {
		if (request.getQueryString() != null || !acceptsHtml(request)) {
			UnavailablePage.send(request, response, retryAfter);
			return;
		}
		var locale = locales.resolveLocale(request);
		var variant = new Variant(locale, kind);
		var page = pages.get(variant);
		if (page != null) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
			response.setLocale(locale);
			response.setContentType(page.contentType());
			response.setContentLength(page.body().length);
			response.getOutputStream().write(page.body());
			return;
		}
		var rendering = new CopyingResponse(response);
		UnavailablePage.send(request, rendering, retryAfter);
		var body = rendering.copy();
		if (rendering.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value() && body.length > 0 && isHtml(rendering)
				&& WebConfiguration.SUPPORTED.contains(locale)) {
			pages.putIfAbsent(variant, new Rendered(rendering.getContentType(), body));
		}
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		var accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	private static boolean isHtml(HttpServletResponse response) {
		var type = response.getContentType();
		return type != null && type.startsWith(MediaType.TEXT_HTML_VALUE);
	}

	private record Variant(Locale locale, String kind) {
	}

	private record Rendered(String contentType, byte[] body) {
	}

	/** Sends the page as it is rendered and keeps a copy of its bytes. */
	private static final class CopyingResponse extends HttpServletResponseWrapper {

		private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

		private ServletOutputStream stream;

		private PrintWriter writer;

		CopyingResponse(HttpServletResponse response) {
			super(response);
		}

		byte[] copy() {
			if (writer != null) {
				writer.flush();
			}
			return copy.toByteArray();
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (stream == null) {
				var sent = super.getOutputStream();
				stream = new ServletOutputStream() {

					@Override
					public void write(int b) throws IOException {
						sent.write(b);
						copy.write(b);
					}

					@Override
					public void write(byte[] bytes, int offset, int length) throws IOException {
						sent.write(bytes, offset, length);
						copy.write(bytes, offset, length);
					}

					@Override
					public void flush() throws IOException {
						sent.flush();
					}

					@Override
					public void close() throws IOException {
						sent.close();
					}

					@Override
					public boolean isReady() {
						return sent.isReady();
					}

					@Override
					public void setWriteListener(WriteListener listener) {
						sent.setWriteListener(listener);
					}
				};
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
			}
			return writer;
		}

		@Override
		public void flushBuffer() throws IOException {
			if (writer != null) {
				writer.flush();
			}
			super.flushBuffer();
		}
	}
}
