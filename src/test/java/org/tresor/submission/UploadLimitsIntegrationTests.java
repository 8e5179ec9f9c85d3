package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.tresor.RawHttp;
import org.tresor.account.AccountFixtures;

/**
 * The limits of an upload hold while it streams, before its bytes are accepted: many tiny parts
 * (CVE-2023-24998), endless part headers, a body announced too large, an idle sender. Over a limit the
 * answer is a clear page with 413 (400 for headers that break the form), nothing is kept, no temporary file
 * is left and the ticket still works. Sizes of files and of the whole are in {@link InboundFlowIntegrationTests}.
 */
class UploadLimitsIntegrationTests extends SubmissionIntegrationTest {

	@Value("${server.tomcat.connection-timeout}")
	Duration idleTimeout;

	String sender;

	String link;

	Set<Path> blobsBefore;

	@BeforeEach
	void ticket() throws IOException {
		AccountFixtures.administrator(context, this::local);
		sender = sender();
		link = ticketLink(sender);
		blobsBefore = blobFiles();
	}

	@Test
	void thousandsOfTinyFieldsAreRefusedAfterTheFirstFew() throws Exception {
		var body = new ByteArrayOutputStream();
		for (int i = 0; i < 10_000; i++) {
			field(body, "f" + i, "x");
		}

		assertRefusedLeavingNothing(post(body), 413, "Too many files at once");
	}

	@Test
	void hundredsOfTinyFilesAreRefused() throws Exception {
		var body = new ByteArrayOutputStream();
		for (int i = 0; i < 500; i++) {
			head(body, "Content-Disposition: form-data; name=\"files\"; filename=\"tiny-" + i + ".txt\"");
			body.writeBytes("y\r\n".getBytes(StandardCharsets.US_ASCII));
		}

		assertRefusedLeavingNothing(post(body), 413, "Too many files at once");
	}

	@Test
	void partHeadersBeyondSixteenKilobytesAreRefused() throws Exception {
		var body = new ByteArrayOutputStream();
		head(body, "Content-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\nX-Padding: "
				+ "p".repeat(20_000));
		body.writeBytes("z\r\n".getBytes(StandardCharsets.US_ASCII));

		assertRefusedLeavingNothing(post(body), 400, "did not arrive as a form");
	}

	@Test
	void aBodyAnnouncedOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
		var target = formTarget(link);
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write(("POST " + target.action() + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: "
						+ target.sessionCookie() + "\r\nAccept-Language: en\r\nContent-Type: "
						+ MultipartBody.contentType() + "\r\nContent-Length: 10737418240\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			// not one byte of the 10 GiB body is sent: the answer must come anyway
			var answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
			assertThat(answer).isEqualTo("HTTP/1.1 413");
		}
		assertThat(temporaryFiles()).isEmpty();
		assertThat(client.getPage(local(link)).getWebResponse().getStatusCode()).isEqualTo(200);
	}

	/** {@link SlowUploadIntegrationTests} shows what the timeout does, with a shorter one. */
	@Test
	void idleUploadsAreCutOffAfterTwentySeconds() {
		assertThat(idleTimeout).isEqualTo(Duration.ofSeconds(20));
	}

	void assertRefusedLeavingNothing(RawHttp.Response response, int status, String message) throws IOException {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.text()).contains(message);
		assertThat(submissionsFrom(sender)).isZero();
		assertThat(blobFiles()).isEqualTo(blobsBefore);
		assertThat(temporaryFiles()).isEmpty();
		var retry = submit(client.getPage(local(link)), "still valid");
		assertThat(retry.getElementById("reference")).isNotNull();
	}

	RawHttp.Response post(ByteArrayOutputStream parts) throws IOException {
		var target = formTarget(link);
		parts.writeBytes(("--" + MultipartBody.BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return new RawHttp(port).send("POST", target.action(), Map.of("Cookie", target.sessionCookie(),
				"Content-Type", MultipartBody.contentType(), "Accept", "text/html", "Accept-Language", "en"),
				parts.toByteArray());
	}

	static void field(ByteArrayOutputStream body, String name, String value) {
		head(body, "Content-Disposition: form-data; name=\"" + name + "\"");
		body.writeBytes((value + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	static void head(ByteArrayOutputStream body, String headers) {
		body.writeBytes(("--" + MultipartBody.BOUNDARY + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
	}
}
