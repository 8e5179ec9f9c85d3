package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tresor.FaultyBlobStore;
import org.tresor.TestMailServer;
import org.tresor.Browsers;
import org.tresor.TresorIntegrationTest;
import org.tresor.storage.BlobStore;

/**
 * What the reliability tests of the inbound flow share: browsers, a ticket by mail, the submit form, and a
 * raw HTTP client for what a browser cannot do on cue (two requests at once, hanging up half-way).
 */
public abstract class SubmissionIntegrationTest extends TresorIntegrationTest {

	@Autowired
	protected BlobStore blobStore;

	@TempDir
	protected Path uploads;

	protected WebClient client;

	protected WebClient staff;

	@BeforeEach
	void browsers() {
		client = browser();
		staff = browser();
	}

	@AfterEach
	void cleanUp() {
		client.close();
		staff.close();
		clock.reset();
		faults().heal();
	}

	protected FaultyBlobStore faults() {
		return (FaultyBlobStore) blobStore;
	}

	protected static WebClient browser() {
		return Browsers.browser();
	}

	protected static String sender() {
		return "client-" + UUID.randomUUID() + "@example.org";
	}

	protected String ticketLink(String sender) throws IOException {
		HtmlPage page = client.getPage(url("/submit/info"));
		((HtmlInput) page.getHtmlElementById("email")).type(sender);
		var requested = (HtmlPage) press(page, "Request ticket");
		assertThat(requested.asNormalizedText()).contains("Please check your mailbox");
		return TestMailServer.link(MAIL.await(sender, ""), PUBLIC_BASE_URL + "/submit/t/");
	}

	protected HtmlPage submit(HtmlPage form, String message, Path... files) throws IOException {
		((HtmlTextArea) form.getHtmlElementById("message")).setText(message);
		if (files.length > 0) {
			((HtmlFileInput) form.getHtmlElementById("files"))
				.setFiles(Arrays.stream(files).map(Path::toFile).toArray(File[]::new));
		}
		return (HtmlPage) press(form, "Send now");
	}

	/** Submits through the browser and returns the reference number. */
	protected String submitted(String sender, String message, Path... files) throws IOException {
		var page = submit(client.getPage(local(ticketLink(sender))), message, files);
		return page.getHtmlElementById("reference").asNormalizedText();
	}

	protected static Page press(HtmlPage page, String label) throws IOException {
		var buttons = page.getByXPath("//button[normalize-space(.)='" + label + "']");
		assertThat(buttons).as("button '" + label + "'").isNotEmpty();
		return ((HtmlButton) buttons.get(0)).click();
	}

	protected Path randomFile(String name, int size) throws IOException {
		var bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return Files.write(uploads.resolve(name), bytes);
	}

	/** Unchecked, so that {@code await} conditions can ask for it. */
	protected Set<Path> temporaryFiles() {
		try (var files = Files.list(blobDirectory().resolve("tmp"))) {
			return files.collect(Collectors.toSet());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Blob files that no submission part refers to. */
	Set<String> orphanBlobs() throws IOException {
		var referenced = Set.copyOf(jdbc.queryForList("select blob_id from parcel_parts", String.class));
		return blobFiles().stream()
			.filter(path -> !path.getParent().getFileName().toString().equals("tmp"))
			.map(path -> path.getFileName().toString())
			.filter(name -> !referenced.contains(name))
			.collect(Collectors.toSet());
	}

	protected int submissionsFrom(String sender) {
		return jdbc.queryForObject("select count(*) from submissions where sender_email = ?", Integer.class, sender);
	}

	protected String staffLink(String email, String reference) {
		return local(TestMailServer.link(MAIL.await(email, reference), PUBLIC_BASE_URL + "/inbox/"));
	}

	protected static void await(String what, BooleanSupplier condition) {
		var deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting until " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	/** The submit form behind a ticket link, as a raw request needs it: action (with CSRF token) and session. */
	record FormTarget(String action, String sessionCookie) {
	}

	FormTarget formTarget(String ticketLink) throws IOException {
		HtmlPage form = client.getPage(local(ticketLink));
		HtmlForm submitForm = form.getHtmlElementById("message").getEnclosingForm();
		// JSESSIONID with sessions in memory, SESSION with sessions in the database (prod profile)
		var session = client.getCookieManager().getCookie("JSESSIONID");
		if (session == null) {
			session = client.getCookieManager().getCookie("SESSION");
		}
		return new FormTarget(submitForm.getActionAttribute(), session.getName() + "=" + session.getValue());
	}

	/** A multipart/form-data body with a message and one file, as a browser sends it. */
	static final class MultipartBody {

		static final String BOUNDARY = "----TresorTestBoundary7MA4YWxkTrZu0gW";

		final byte[] head;

		final byte[] file;

		final byte[] tail;

		MultipartBody(String message, String fileName, byte[] file) {
			this.head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\n" + message
					+ "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			this.file = file;
			this.tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		}

		long length() {
			return head.length + file.length + tail.length;
		}

		byte[] all() {
			var out = new ByteArrayOutputStream();
			out.writeBytes(head);
			out.writeBytes(file);
			out.writeBytes(tail);
			return out.toByteArray();
		}

		static String contentType() {
			return "multipart/form-data; boundary=" + BOUNDARY;
		}
	}

	/** An upload over a plain socket, so a test decides when the rest of it is sent, or that it never is. */
	final class RawUpload implements AutoCloseable {

		private final Socket socket;

		private final OutputStream out;

		private final MultipartBody body;

		RawUpload(FormTarget target, MultipartBody body) throws IOException {
			this(target, body, "");
		}

		/** @param extraHeaders more header lines, each ending in CRLF ({@code X-Forwarded-For: ...}, say) */
		RawUpload(FormTarget target, MultipartBody body, String extraHeaders) throws IOException {
			this.socket = new Socket("localhost", port);
			this.out = socket.getOutputStream();
			this.body = body;
			out.write(("POST " + target.action() + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + extraHeaders
					+ "Cookie: " + target.sessionCookie() + "\r\nAccept-Language: en\r\nContent-Type: " + MultipartBody.contentType()
					+ "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body.head);
		}

		/** Sends the first {@code bytes} of the file. */
		void sendFileUpTo(int bytes) throws IOException {
			out.write(body.file, 0, bytes);
			out.flush();
		}

		/** Sends the file from byte {@code from} up to {@code to}. */
		void sendFileBetween(int from, int to) throws IOException {
			out.write(body.file, from, to - from);
			out.flush();
		}

		/** Sends the rest of the file and the end of the form, then reads the status code of the answer. */
		int finishFrom(int sent) throws IOException {
			out.write(body.file, sent, body.file.length - sent);
			out.write(body.tail);
			out.flush();
			InputStream in = socket.getInputStream();
			var statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
			return Integer.parseInt(statusLine.substring(9, 12));
		}

		Socket socket() {
			return socket;
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}
	}
}
