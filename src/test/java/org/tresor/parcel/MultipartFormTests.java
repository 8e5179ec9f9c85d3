package org.tresor.parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.tresor.parcel.MultipartForm.LimitExceededException;
import org.tresor.parcel.MultipartForm.MalformedFormException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

class MultipartFormTests {

	private static final String BOUNDARY = "----TresorBoundary7MA4YWxkTrZu0gW";

	private static final MultipartForm.Limits GENEROUS = new MultipartForm.Limits(10_000_000, 5_000_000, 20);

	private final Random random = new Random(42);

	@Test
	void readsFieldsAndFilesInOrder() throws IOException {
		byte[] first = bytes(100_000);
		byte[] second = bytes(3);
		var body = new Body().field("message", "Hello\r\nthere").file("files", "a.pdf", first).file("files", "b.txt", second);

		var parts = readAll(request(body.close(), Integer.MAX_VALUE), GENEROUS);

		assertThat(parts).extracting(Read::name).containsExactly("message", "files", "files");
		assertThat(parts).extracting(Read::fileName).containsExactly(null, "a.pdf", "b.txt");
		assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("Hello\r\nthere");
		assertThat(parts.get(1).content()).isEqualTo(first);
		assertThat(parts.get(2).content()).isEqualTo(second);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 5, 17, 40, 41, 1000, 65_536 })
	void findsEveryBoundaryWhereverTheBodyIsCut(int largestRead) throws IOException {
		// content that looks like the start of a delimiter, and ends just short of one
		byte[] tricky = ("x\r\n--" + BOUNDARY.substring(0, 10) + "\r\n-\r\n--\r").getBytes(StandardCharsets.US_ASCII);
		byte[] large = bytes(200_001);
		var body = new Body().file("files", "tricky.bin", tricky).file("files", "large.bin", large).field("message", "");

		var parts = readAll(request(body.close(), largestRead), GENEROUS);

		assertThat(parts.get(0).content()).isEqualTo(tricky);
		assertThat(parts.get(1).content()).isEqualTo(large);
		assertThat(parts.get(2).content()).isEmpty();
	}

	@Test
	void keepsFileNamesInUtf8() throws IOException {
		var body = new Body().file("files", "Befund März – 2ª.pdf", bytes(10));

		assertThat(readAll(request(body.close(), 7), GENEROUS).get(0).fileName()).isEqualTo("Befund März – 2ª.pdf");
	}

	@Test
	void tellsAnEmptyFileChoiceFromAField() throws IOException {
		var body = new Body().file("files", "", new byte[0]);

		var part = readAll(request(body.close(), Integer.MAX_VALUE), GENEROUS).get(0);

		assertThat(part.fileName()).isEmpty();
		assertThat(part.content()).isEmpty();
	}

	@Test
	void skipsWhatWasNotReadOfAPart() throws IOException {
		var body = new Body().file("files", "skipped.bin", bytes(300_000)).field("message", "after");
		var form = of(request(body.close(), 1000), GENEROUS);

		assertThat(form.next().fileName()).isEqualTo("skipped.bin");
		var message = form.next();
		assertThat(message.name()).isEqualTo("message");
		assertThat(message.content().readAllBytes()).isEqualTo("after".getBytes(StandardCharsets.UTF_8));
		assertThat(form.next()).isNull();
		assertThat(form.next()).isNull();
	}

	@Test
	void refusesAFileOverItsLimitWhileReadingIt() throws IOException {
		var body = new Body().file("files", "big.bin", bytes(5001));
		var form = of(request(body.close(), Integer.MAX_VALUE), new MultipartForm.Limits(1_000_000, 5000, 5));
		var part = form.next();

		assertThatExceptionOfType(LimitExceededException.class).isThrownBy(() -> part.content().readAllBytes())
			.satisfies(e -> assertThat(e.limit()).isEqualTo(LimitExceededException.Limit.FILE));
	}

	@Test
	void acceptsAFileOfExactlyItsLimit() throws IOException {
		var body = new Body().file("files", "exact.bin", bytes(5000));

		assertThat(readAll(request(body.close(), 999), new MultipartForm.Limits(1_000_000, 5000, 5)).get(0).content())
			.hasSize(5000);
	}

	@Test
	void refusesABodyAnnouncedOverTheLimitBeforeReadingIt() {
		var request = request(new Body().file("files", "a.bin", bytes(2000)).close(), Integer.MAX_VALUE);

		assertThatExceptionOfType(LimitExceededException.class)
			.isThrownBy(() -> of(request, new MultipartForm.Limits(1000, 5000, 5)))
			.satisfies(e -> assertThat(e.limit()).isEqualTo(LimitExceededException.Limit.BODY));
	}

	@Test
	void refusesABodyOverTheLimitWhoseLengthWasNotAnnounced() throws IOException {
		var request = request(new Body().file("files", "a.bin", bytes(2000)).close(), 100, false);
		var limits = new MultipartForm.Limits(1000, 5000, 5);

		assertThatExceptionOfType(LimitExceededException.class).isThrownBy(() -> readAll(request, limits))
			.satisfies(e -> assertThat(e.limit()).isEqualTo(LimitExceededException.Limit.BODY));
	}

	@Test
	void refusesMorePartsThanAllowed() {
		var body = new Body();
		for (int i = 0; i < 4; i++) {
			body.file("files", i + ".bin", bytes(10));
		}
		var request = request(body.close(), Integer.MAX_VALUE);

		assertThatExceptionOfType(LimitExceededException.class)
			.isThrownBy(() -> readAll(request, new MultipartForm.Limits(1_000_000, 5000, 3)))
			.satisfies(e -> assertThat(e.limit()).isEqualTo(LimitExceededException.Limit.PARTS));
	}

	@Test
	void refusesABodyThatEndsBeforeItsClosingDelimiter() {
		byte[] complete = new Body().file("files", "cut.bin", bytes(1000)).close();
		byte[] cut = Arrays.copyOf(complete, complete.length - 10);

		assertThatExceptionOfType(MalformedFormException.class).isThrownBy(() -> readAll(request(cut, 64), GENEROUS));
	}

	@Test
	void refusesPartHeadersThatNeverEnd() {
		byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
				+ "x".repeat(MultipartForm.MAX_PART_HEADERS) + "\"\r\n\r\ncontent\r\n--" + BOUNDARY + "--\r\n")
			.getBytes(StandardCharsets.US_ASCII);

		assertThatExceptionOfType(MalformedFormException.class).isThrownBy(() -> readAll(request(body, 1000), GENEROUS));
	}

	@Test
	void refusesARequestWithoutBoundary() {
		var request = request(new Body().close(), Integer.MAX_VALUE);
		request.setContentType("multipart/form-data");

		assertThatExceptionOfType(MalformedFormException.class).isThrownBy(() -> of(request, GENEROUS));
	}

	@Test
	void knowsAMultipartForm() {
		assertThat(new FormBody("multipart/form-data; boundary=" + BOUNDARY, 1, InputStream.nullInputStream())
			.isMultipartForm()).isTrue();
		assertThat(new FormBody("application/x-www-form-urlencoded", 1, InputStream.nullInputStream())
			.isMultipartForm()).isFalse();
		assertThat(new FormBody(null, 1, InputStream.nullInputStream()).isMultipartForm()).isFalse();
	}

	private static MultipartForm of(MockHttpServletRequest request, MultipartForm.Limits limits) throws IOException {
		return MultipartForm.of(new FormBody(request.getContentType(), request.getContentLengthLong(),
				request.getInputStream()), limits);
	}

	private record Read(String name, String fileName, byte[] content) {
	}

	private List<Read> readAll(MockHttpServletRequest request, MultipartForm.Limits limits) throws IOException {
		var form = of(request, limits);
		var parts = new ArrayList<Read>();
		for (var part = form.next(); part != null; part = form.next()) {
			var content = new ByteArrayOutputStream();
			byte[] buffer = new byte[1 + random.nextInt(70_000)];
			int n;
			while ((n = part.content().read(buffer, 0, 1 + random.nextInt(buffer.length))) != -1) {
				content.write(buffer, 0, n);
			}
			parts.add(new Read(part.name(), part.fileName(), content.toByteArray()));
		}
		return parts;
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	/** A POST whose body arrives in reads of at most {@code largestRead} bytes, as from a network. */
	private MockHttpServletRequest request(byte[] body, int largestRead) {
		return request(body, largestRead, true);
	}

	private MockHttpServletRequest request(byte[] body, int largestRead, boolean lengthAnnounced) {
		var request = new MockHttpServletRequest("POST", "/submit/t/token") {
			@Override
			public ServletInputStream getInputStream() {
				return new ChunkedServletInputStream(new ByteArrayInputStream(body), largestRead, random);
			}

			@Override
			public long getContentLengthLong() {
				return lengthAnnounced ? body.length : -1;
			}
		};
		request.setContentType("multipart/form-data; boundary=" + BOUNDARY);
		return request;
	}

	/** Builds a form body as a browser sends it. */
	private static final class Body {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Body field(String name, String value) {
			head("Content-Disposition: form-data; name=\"" + name + "\"");
			out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			return this;
		}

		Body file(String name, String fileName, byte[] content) {
			head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
					+ "Content-Type: application/octet-stream");
			out.writeBytes(content);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			return this;
		}

		byte[] close() {
			out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
			return out.toByteArray();
		}

		private void head(String headers) {
			out.writeBytes(("--" + BOUNDARY + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	private static final class ChunkedServletInputStream extends ServletInputStream {

		private final InputStream in;

		private final int largestRead;

		private final Random random;

		private boolean finished;

		ChunkedServletInputStream(InputStream in, int largestRead, Random random) {
			this.in = in;
			this.largestRead = largestRead;
			this.random = random;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			finished = b < 0;
			return b;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			int most = largestRead == Integer.MAX_VALUE ? length : 1 + random.nextInt(largestRead);
			int n = in.read(bytes, offset, Math.min(length, most));
			finished = n < 0;
			return n;
		}

		@Override
		public boolean isFinished() {
			return finished;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException();
		}
	}
}
