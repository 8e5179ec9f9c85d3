package org.tresor.parcel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.tresor.parcel.Download;
import org.tresor.parcel.FileNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.mock.web.MockHttpServletResponse;

class DownloadResponsesTests {

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void isAnAttachmentThatIsNeverSniffedNorCached() throws IOException {
		DownloadResponses.send(new Download("report.pdf", 5, out -> out.write("hello".getBytes(StandardCharsets.US_ASCII))), response);

		assertThat(response.getContentType()).isEqualTo("application/octet-stream");
		assertThat(response.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentLengthLong()).isEqualTo(5);
		assertThat(response.getContentAsString()).isEqualTo("hello");
	}

	/**
	 * Whatever the name holds, the header stays printable ASCII, one attachment with one name, and the
	 * normalised name comes back from it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "a\"; filename=evil.html", "semi;colon.txt", "line\r\nSet-Cookie: x=y.txt",
			"back\\slash\".txt", "Ärztlicher Befund 100%.pdf", "\u202Etxt.exe", "=?UTF-8?Q?evil?=.html" })
	void keepsAnyNameInsideOneRfc6266Parameter(String name) throws IOException {
		DownloadResponses.send(new Download(name, 0, out -> {
		}), response);

		var header = response.getHeader("Content-Disposition");
		assertThat(header).matches("[\\x20-\\x7E]+").startsWith("attachment; filename=\"").contains("; filename*=UTF-8''");
		var parsed = ContentDisposition.parse(header);
		assertThat(parsed.isAttachment()).isTrue();
		assertThat(parsed.getFilename()).isEqualTo(FileNames.forDisplay(name));
	}

	@Test
	void givesAnAsciiFallbackBesideTheUtf8Name() {
		assertThat(new Download("Ärztlicher Befund.pdf", 0, out -> {
		}).contentDisposition())
			.isEqualTo("attachment; filename=\"_rztlicher Befund.pdf\"; filename*=UTF-8''%C3%84rztlicher%20Befund.pdf");
	}

	@Test
	void aBodyThatFailsBeforeItsFirstByteLeavesTheResponseAPage() {
		var download = new Download("tampered.bin", 10, out -> {
			throw new IOException("key packet does not fit");
		});

		assertThatIOException().isThrownBy(() -> DownloadResponses.send(download, response));
		assertThat(response.getHeader("Content-Disposition")).isNull();
		assertThat(response.getContentType()).isNull();
		assertThat(response.isCommitted()).isFalse();
	}

	@Test
	void anEmptyFileIsStillAnAttachment() throws IOException {
		DownloadResponses.send(new Download("empty.txt", 0, out -> {
		}), response);

		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment;");
		assertThat(response.getContentLengthLong()).isZero();
	}

	@Test
	void isDeliveredOnlyOnceEveryByteWentOut() throws IOException {
		var delivered = new AtomicInteger();
		var download = new Download("report.pdf", 5, out -> out.write("hello".getBytes(StandardCharsets.US_ASCII)))
			.whenDelivered(delivered::incrementAndGet);

		DownloadResponses.send(download, response);

		assertThat(delivered).hasValue(1);
	}

	@Test
	void aDownloadThatBreaksOffIsNotDelivered() {
		var delivered = new AtomicInteger();
		var download = new Download("report.pdf", 10, out -> {
			out.write(new byte[5]);
			throw new IOException("Connection reset by peer");
		}).whenDelivered(delivered::incrementAndGet);

		assertThatIOException().isThrownBy(() -> DownloadResponses.send(download, response));
		assertThat(delivered).hasValue(0);
	}
}
