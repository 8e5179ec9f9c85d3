package org.tresor.parcel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Locale;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;


/**
 * A {@code multipart/form-data} request body read part by part, each part's content as a stream, with the
 * limits checked while reading; nothing is buffered beyond one read. Jetty's parser does the parsing: its
 * boundary search skips through the data where Commons FileUpload compares byte by byte, which capped
 * uploads at about 200 MiB/s. The parser pushes events; this class pulls them, reading the next piece of
 * the body only when the events of the previous one are used up, so the content it hands out (slices of
 * the read buffer) stays valid until it is read.
 */
final class MultipartForm {

	static final int BUFFER_SIZE = 1 << 16;

	/** Longest header block of one part; the parser has no limit of its own. */
	static final int MAX_PART_HEADERS = 16 * 1024;

	/** The largest body, the largest file part and the most parts a form may have. */
	record Limits(long maxBytes, long maxFileBytes, int maxParts) {
	}

	/** A limit was exceeded; the rest of the body was not read. */
	static final class LimitExceededException extends IOException {

		enum Limit {
			BODY, FILE, PARTS
		}

		private final Limit limit;

		LimitExceededException(Limit limit) {
			super("The form exceeds its " + limit.name().toLowerCase(Locale.ROOT) + " limit");
			this.limit = limit;
		}

		Limit limit() {
			return limit;
		}
	}

	/** The body is not a well-formed multipart form. */
	static final class MalformedFormException extends IOException {

		MalformedFormException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private static final Object PART_END = new Object();

	private static final Object COMPLETE = new Object();

	private final InputStream body;

	private final Limits limits;

	private final MultiPart.Parser parser;

	private final byte[] buffer = new byte[BUFFER_SIZE];

	private final ArrayDeque<Object> events = new ArrayDeque<>();

	private long bodyBytes;

	private int parts;

	private boolean bodyEnded;

	private boolean complete;

	private Part current;

	private MultipartForm(InputStream body, String boundary, Limits limits) {
		this.body = body;
		this.limits = limits;
		this.parser = new MultiPart.Parser(boundary, new Events());
		parser.setPartHeadersMaxLength(MAX_PART_HEADERS);
		// ours trips first, with its own message; the parser's is a safety net
		parser.setMaxParts(limits.maxParts() + 1L);
	}

	/**
	 * Starts reading {@code form}'s body.
	 * @throws MalformedFormException if it is no multipart form with a boundary
	 * @throws LimitExceededException if its announced length is over the limit
	 */
	static MultipartForm of(FormBody form, Limits limits) throws IOException {
		String boundary = form.isMultipartForm() ? MultiPart.extractBoundary(form.contentType()) : null;
		if (boundary == null || boundary.isEmpty()) {
			throw new MalformedFormException("Not a multipart form with a boundary", null);
		}
		if (form.contentLength() > limits.maxBytes()) {
			throw new LimitExceededException(LimitExceededException.Limit.BODY);
		}
		return new MultipartForm(form.content(), boundary, limits);
	}

	/** The next part, skipping what was not read of the current one; null after the last. */
	Part next() throws IOException {
		if (current != null) {
			current.skipRest();
			current = null;
		}
		while (!complete) {
			Object event = nextEvent();
			if (event == COMPLETE) {
				complete = true;
				return null;
			}
			if (event instanceof Part part) {
				if (++parts > limits.maxParts()) {
					throw new LimitExceededException(LimitExceededException.Limit.PARTS);
				}
				current = part;
				return part;
			}
		}
		return null;
	}

	private Object nextEvent() throws IOException {
		while (events.isEmpty()) {
			readMore();
		}
		Object event = events.poll();
		if (event instanceof Throwable failure) {
			events.addFirst(failure);
			throw new MalformedFormException("The form is malformed: " + failure.getMessage(), failure);
		}
		return event;
	}

	private void readMore() throws IOException {
		if (bodyEnded) {
			throw new MalformedFormException("The form ends before its closing boundary", null);
		}
		int n = body.read(buffer);
		if (n < 0) {
			bodyEnded = true;
			parser.parse(Content.Chunk.from(ByteBuffer.allocate(0), true));
			return;
		}
		bodyBytes += n;
		if (bodyBytes > limits.maxBytes()) {
			throw new LimitExceededException(LimitExceededException.Limit.BODY);
		}
		parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
	}

	/** One field or file of the form. */
	final class Part {

		private final String name;

		private final String fileName;

		private final InputStream content = new ContentStream();

		private ByteBuffer chunk;

		private boolean ended;

		private long bytes;

		Part(String name, String fileName) {
			this.name = name;
			this.fileName = fileName;
		}

		/** The field name; null if the part has none. */
		String name() {
			return name;
		}

		/** The file name the browser sent; null for a plain field. */
		String fileName() {
			return fileName;
		}

		boolean isFile() {
			return fileName != null;
		}

		/** The content, valid until {@link MultipartForm#next()} is called again. */
		InputStream content() {
			return content;
		}

		private boolean advance() throws IOException {
			while (chunk == null || !chunk.hasRemaining()) {
				if (ended) {
					return false;
				}
				Object event = nextEvent();
				if (event instanceof ByteBuffer next) {
					chunk = next;
				}
				else {
					// the end of this part; anything else would be a parser bug, and ends the part as well
					ended = true;
					if (event != PART_END) {
						events.addFirst(event);
					}
				}
			}
			return true;
		}

		private void skipRest() throws IOException {
			while (advance()) {
				count(chunk.remaining());
				chunk.position(chunk.limit());
			}
		}

		private void count(int n) throws LimitExceededException {
			bytes += n;
			if (isFile() && bytes > limits.maxFileBytes()) {
				throw new LimitExceededException(LimitExceededException.Limit.FILE);
			}
		}

		private final class ContentStream extends InputStream {

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				if (length == 0) {
					return 0;
				}
				if (!advance()) {
					return -1;
				}
				int n = Math.min(length, chunk.remaining());
				count(n);
				chunk.get(bytes, offset, n);
				return n;
			}
		}
	}

	/** Turns the parser's callbacks into events, in order. */
	private final class Events extends MultiPart.AbstractPartsListener {

		@Override
		public void onPartHeaders() {
			events.add(new Part(getName(), getFileName()));
		}

		@Override
		public void onPartContent(Content.Chunk chunk) {
			ByteBuffer content = chunk.getByteBuffer();
			if (content.hasRemaining()) {
				events.add(content.slice());
			}
		}

		@Override
		public void onPart(String name, String fileName, HttpFields headers) {
			events.add(PART_END);
		}

		@Override
		public void onComplete() {
			events.add(COMPLETE);
		}

		@Override
		public void onFailure(Throwable failure) {
			events.add(failure);
		}
	}
}
