package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tresor.RawHttp;
import org.tresor.account.AccountFixtures;

/**
 * Uploads and downloads hold a worker thread for as long as their bytes take, so they are bounded per client and
 * in total ({@code tresor.transfers.*}), and pages keep threads of their own. Its own small server: 8 worker
 * threads, 4 of them for pages, so 4 transfers at once and 2 per client. The proxy at 127.0.0.1 is trusted, so
 * the raw uploads act as several clients through {@code X-Forwarded-For}.
 */
class TransferLimitsIntegrationTests extends SubmissionIntegrationTest {

	static final Path DATA = SlowUploadIntegrationTests.temporaryDirectory();

	/** Long enough for any answer on a busy machine; a server that waits for the rest of a body never answers. */
	static final int READ_TIMEOUT_MILLIS = 15_000;

	@DynamicPropertySource
	static void smallServer(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA + "/db/tresor;DB_CLOSE_ON_EXIT=FALSE");
		registry.add("tresor.storage.directory", () -> DATA.resolve("blobs").toString());
		registry.add("server.tomcat.threads.max", () -> "8");
		registry.add("server.tomcat.threads.min-spare", () -> "2");
		registry.add("tresor.transfers.threads-for-pages", () -> "4");
		registry.add("tresor.transfers.per-client", () -> "2");
		registry.add("tresor.trusted-proxies", () -> "127.0.0.1");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void transfersBeyondTheLimitsAreRefusedAtOnceWhilePagesAnswerAndNothingAcceptedIsLost(CapturedOutput output)
			throws Exception {
		AccountFixtures.administrator(context, this::local);
		var senders = new ArrayList<String>();
		var targets = new ArrayList<FormTarget>();
		for (int i = 0; i < 5; i++) {
			senders.add(sender());
			targets.add(formTarget(ticketLink(senders.get(i))));
		}
		var file = Files.readAllBytes(randomFile("held.bin", 2_000_000));
		var held = new ArrayList<RawUpload>();
		try {
			// two clients with two uploads each: all the server runs at once
			for (int i = 0; i < 4; i++) {
				var upload = new RawUpload(targets.get(i), new MultipartBody("held " + i, "held.bin", file),
						forwardedFor(i < 2 ? "10.0.0.1" : "10.0.0.2"));
				upload.sendFileUpTo(500_000);
				held.add(upload);
			}
			await("the four uploads are being encrypted", () -> temporaryFiles().size() == 4 || answered(held));
			for (var upload : held) {
				assertThat(upload.socket().getInputStream().available()).as("answer to a held upload: %s",
						upload.socket().getInputStream().available() > 0 ? answerUntilClosed(upload.socket()) : "")
					.isZero();
			}

			var third = refusedUpload(targets.get(4), file, "10.0.0.1");
			assertThat(third.status()).isEqualTo(503);
			assertThat(third.header("Retry-After")).isEqualTo("30");
			assertThat(third.header("Connection")).isEqualToIgnoringCase("close");
			assertThat(third.text()).contains("Too many transfers right now")
				.contains("Your connection already has as many uploads and downloads running");

			var otherClient = refusedUpload(targets.get(4), file, "10.0.0.3");
			assertThat(otherClient.status()).isEqualTo(503);
			assertThat(otherClient.text()).contains("The server is transferring as many files as it can at once");
			assertThat(refusedUpload(targets.get(4), file, "10.0.0.1").text()).as("the same page again, from memory")
				.isEqualTo(third.text());
			assertThat(refusedUpload(targets.get(4), file, "10.0.0.4").text()).isEqualTo(otherClient.text())
				.isNotEqualTo(third.text());
			assertThat(output.getOut()).as("each refusal logged with its kind, the refused path not")
				.contains("Transfer answered 503: CLIENT_BUSY", "Transfer answered 503: SERVER_BUSY")
				.doesNotContain("with error reference");

			var http = new RawHttp(port);
			for (var page : List.of("/login", "/submit/info")) {
				var answer = http.send("GET", page, Map.of("Accept-Language", "en"), new byte[0]);
				assertThat(answer.status()).as(page).isEqualTo(200);
				assertThat(answer.complete()).as(page).isTrue();
			}

			for (var upload : held) {
				assertThat(upload.finishFrom(500_000)).isEqualTo(302);
			}
		}
		finally {
			for (var upload : held) {
				upload.close();
			}
		}
		for (int i = 0; i < 4; i++) {
			assertThat(submissionsFrom(senders.get(i))).isOne();
		}
		// the refused upload's ticket was never looked at: it works once the others are done
		try (var again = new RawUpload(targets.get(4), new MultipartBody("again", "again.bin", file),
				forwardedFor("10.0.0.1"))) {
			assertThat(again.finishFrom(0)).isEqualTo(302);
		}
		assertThat(submissionsFrom(senders.get(4))).isOne();
		assertThat(temporaryFiles()).isEmpty();
	}

	@Test
	void refusedUploadToAMadeUpTicketClosesTheConnectionInsteadOfReadingTheBody() throws Exception {
		var target = formTarget(ticketLink(sender()));
		var madeUp = new FormTarget(target.action().replaceFirst("/submit/t/[^?]+", "/submit/t/" + "A".repeat(43)),
				target.sessionCookie());
		try (var upload = new RawUpload(madeUp, new MultipartBody("made up", "big.bin", new byte[3_000_000]),
				forwardedFor("10.0.0.9"))) {
			upload.sendFileUpTo(10_000);
			// of 3 MB, 10 kB were sent: the server answers and closes, without waiting for the rest
			var answer = answerUntilClosed(upload.socket());
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
		}
	}

	@Test
	void refusedSmallUploadStillShowsTheErrorPage() throws Exception {
		var target = formTarget(ticketLink(sender()));
		var madeUp = target.action().replaceFirst("/submit/t/[^?]+", "/submit/t/" + "B".repeat(43));
		var body = new MultipartBody("small", "small.bin", new byte[20_000]);
		var answer = new RawHttp(port).send("POST", madeUp, Map.of("Cookie", target.sessionCookie(), "Content-Type",
				MultipartBody.contentType(), "Accept", "text/html", "Accept-Language", "en"), body.all());
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.complete()).isTrue();
		assertThat(answer.text()).contains("This page does not exist");
	}

	private static boolean answered(List<RawUpload> uploads) {
		return uploads.stream().anyMatch(upload -> {
			try {
				return upload.socket().getInputStream().available() > 0;
			}
			catch (IOException e) {
				return true;
			}
		});
	}

	private static String forwardedFor(String client) {
		return "X-Forwarded-For: " + client + "\r\n";
	}

	/** An upload of which only the first 100 kB are sent: the answer must come without the rest. */
	private Answer refusedUpload(FormTarget target, byte[] file, String client) throws IOException {
		try (var upload = new RawUpload(target, new MultipartBody("refused", "refused.bin", file),
				forwardedFor(client) + "Accept: text/html\r\n")) {
			upload.sendFileUpTo(100_000);
			return answerUntilClosed(upload.socket());
		}
	}

	/** The status, headers and body of an answer; fails if the server does not close the connection after it. */
	static Answer answerUntilClosed(Socket socket) throws IOException {
		socket.setSoTimeout(READ_TIMEOUT_MILLIS);
		var raw = new ByteArrayOutputStream();
		var buffer = new byte[8192];
		try {
			for (int n; (n = socket.getInputStream().read(buffer)) != -1;) {
				raw.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException e) {
			throw new AssertionError("The server kept the connection open (waiting for the rest of the body?) after "
					+ raw.size() + " bytes of answer", e);
		}
		catch (IOException reset) {
			// a reset after the answer ends it as much as a close
		}
		var text = raw.toString(StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		assertThat(end).as("a complete answer head").isPositive();
		var lines = text.substring(0, end).split("\r\n");
		var headers = new LinkedHashMap<String, String>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
		}
		var body = new String(raw.toByteArray(), end + 4, raw.size() - end - 4, StandardCharsets.UTF_8);
		return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
	}

	record Answer(int status, Map<String, String> headers, String text) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}
}
