package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tresor.Browsers.browser;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tresor.RawHttp;
import org.tresor.TestMailServer;
import org.tresor.TresorIntegrationTest;
import org.tresor.account.AccountFixtures;

/**
 * The whole inbound flow as people use it, through the real web pages and real mails: request a ticket,
 * submit text and two files, staff are told, open with the SecuPass, download, delete.
 */
class InboundFlowIntegrationTests extends TresorIntegrationTest {

	static final String STAFF_PASSWORD = "staff password 1234";

	static final String STAFF_SECUPASS = "Staff-SecuPass-42!";

	@TempDir
	Path uploads;

	WebClient client;

	WebClient staff;

	@BeforeEach
	void browsers() {
		client = browser();
		staff = browser();
	}

	@AfterEach
	void closeBrowsers() {
		client.close();
		staff.close();
		clock.reset();
	}

	@Test
	void clientSubmitsAndStaffReadsDownloadsAndDeletes() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var sender = "client-" + UUID.randomUUID() + "@example.org";
		var first = randomFile("Befund März.pdf", 300_000);
		var second = randomFile("scan.jpg", 1_500_000);

		var form = openTicketLink(sender);
		var confirmation = submit(form, "Hello, here are my documents.", first, second);
		assertThat(confirmation.getWebResponse().getStatusCode()).isEqualTo(200);
		var reference = confirmation.getHtmlElementById("reference").asNormalizedText();
		assertThat(reference).matches("TR-[0-9A-Z]{4}-[0-9A-Z]{4}");
		var receipt = MAIL.await(sender, reference);
		assertThat(TestMailServer.text(receipt)).doesNotContain("Hello, here are my documents").doesNotContain("scan.jpg");

		var notification = MAIL.await(admin.email(), reference);
		var submissionLink = TestMailServer.link(notification, PUBLIC_BASE_URL + "/inbox/");
		assertThat(TestMailServer.text(notification)).doesNotContain("Hello, here are my documents")
			.doesNotContain("scan.jpg");

		AccountFixtures.logIn(staff, url("/login"), admin);
		HtmlPage inbox = staff.getPage(url("/inbox"));
		assertThat(inbox.asNormalizedText()).contains(sender).contains("2 files");

		HtmlPage details = staff.getPage(local(submissionLink));
		var opened = (HtmlPage) pressWithSecuPass(details, admin.secuPass(), "Open");
		assertThat(opened.getWebResponse().getStatusCode()).isEqualTo(200);
		assertThat(opened.asNormalizedText()).contains("Hello, here are my documents.")
			.contains("Befund März.pdf")
			.contains("scan.jpg");

		assertThat(opened.getByXPath("//button[@aria-label='Download scan.jpg']")).hasSize(1);
		var download = pressWithSecuPass(opened, admin.secuPass(), "Download", 0);
		assertThat(download.getWebResponse().getContentAsStream().readAllBytes()).isEqualTo(Files.readAllBytes(first));
		assertThat(download.getWebResponse().getResponseHeaderValue("Content-Type")).startsWith("application/octet-stream");
		assertThat(download.getWebResponse().getResponseHeaderValue("Content-Disposition"))
			.contains("attachment").contains("UTF-8''Befund%20M%C3%A4rz.pdf");
		var secondDownload = pressWithSecuPass(opened, admin.secuPass(), "Download", 1);
		assertThat(secondDownload.getWebResponse().getContentAsStream().readAllBytes())
			.isEqualTo(Files.readAllBytes(second));

		var zip = unzip(pressWithSecuPass(opened, admin.secuPass(), "Download all as ZIP").getWebResponse()
			.getContentAsStream().readAllBytes());
		assertThat(zip).containsOnlyKeys("Befund März.pdf", "scan.jpg");
		assertThat(zip.get("Befund März.pdf")).isEqualTo(Files.readAllBytes(first));
		assertThat(zip.get("scan.jpg")).isEqualTo(Files.readAllBytes(second));

		HtmlPage afterDownload = staff.getPage(url("/inbox"));
		assertThat(afterDownload.asNormalizedText()).contains("downloaded");

		var deleted = (HtmlPage) org.tresor.web.ConfirmedPress.press(staff.getPage(local(submissionLink)), "Delete submission");
		assertThat(deleted.asNormalizedText()).contains("The submission was deleted.");
		assertThat(staff.getPage(local(submissionLink)).getWebResponse().getStatusCode()).isEqualTo(404);
		var encryptedAfterDelete = new RawHttp(port).postFrom(staff, deleted,
				java.net.URI.create(local(submissionLink)).getPath() + "/encrypted/1", Map.of());
		assertThat(encryptedAfterDelete.status()).isEqualTo(404);
		assertThat(jdbc.queryForObject("select count(*) from submissions where reference = ?", Integer.class, reference))
			.isZero();
		try (var blobs = Files.walk(blobDirectory())) {
			var blobIds = jdbc.queryForList(
					"select blob_id from parcel_parts", String.class);
			assertThat(blobs.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
				.allMatch(blobIds::contains);
		}
	}

	@Test
	void wrongSecuPassIsRefusedClearly() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var sender = "client-" + UUID.randomUUID() + "@example.org";
		var confirmation = submit(openTicketLink(sender), "just text", randomFile("letter.pdf", 10_000));
		var reference = confirmation.getHtmlElementById("reference").asNormalizedText();

		AccountFixtures.logIn(staff, url("/login"), admin);
		var link = TestMailServer.link(MAIL.await(admin.email(), reference), PUBLIC_BASE_URL + "/inbox/");
		var refused = (HtmlPage) pressWithSecuPass(staff.getPage(local(link)), "not my SecuPass", "Open");
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
		assertThat(refused.asNormalizedText()).contains("The SecuPass is wrong").doesNotContain("just text");
		var download = pressWithSecuPass(refused, "still wrong", "Download all as ZIP");
		assertThat(download.getWebResponse().getStatusCode()).isEqualTo(403);
		assertThat(download.getWebResponse().getContentType()).isEqualTo("text/html");
		var file = pressWithSecuPass(refused, "", "Download");
		assertThat(file.getWebResponse().getStatusCode()).isEqualTo(403);
	}

	@Test
	void usedTicketIsRefused() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var sender = "client-" + UUID.randomUUID() + "@example.org";
		var link = ticketLink(sender);
		submit(client.getPage(local(link)), "first");
		Page again = client.getPage(local(link));
		assertThat(again.getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(((HtmlPage) again).asNormalizedText()).contains("invalid, expired or was already used");
	}

	@Test
	void expiredTicketIsRefused() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var link = ticketLink("client-" + UUID.randomUUID() + "@example.org");
		clock.advance(Duration.ofHours(25));
		assertThat(client.getPage(local(link)).getWebResponse().getStatusCode()).isEqualTo(404);
	}

	@Test
	void forgedTokenIsRefused() throws Exception {
		var forged = client.getPage(url("/submit/t/" + "A".repeat(43)));
		assertThat(forged.getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(((HtmlPage) forged).asNormalizedText()).contains("invalid, expired or was already used")
			.doesNotContain("Exception");
	}

	@Test
	void emptySubmissionIsRefusedAndTheTicketStaysValid() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var link = ticketLink("client-" + UUID.randomUUID() + "@example.org");
		var refused = submit(client.getPage(local(link)), "");
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.asNormalizedText()).contains("Please write a message or attach at least one file");
		var accepted = submit(client.getPage(local(link)), "now with text");
		assertThat(accepted.getElementById("reference")).isNotNull();
	}

	@Test
	void messageWithControlCharactersIsRefusedAtItsFieldBeforeAnyFileIsStored() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var link = ticketLink("client-" + UUID.randomUUID() + "@example.org");
		var blobsBefore = blobFiles();
		var refused = submit(client.getPage(local(link)), "pasted from a terminal \u001b[31mred",
				randomFile("scan.pdf", 1000));
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.asNormalizedText()).contains("The message contains control characters");
		assertThat(refused.getHtmlElementById("message").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(blobFiles()).isEqualTo(blobsBefore);
		var accepted = submit(client.getPage(local(link)), "line one\n\tline two", randomFile("scan.pdf", 1000));
		assertThat(accepted.getElementById("reference")).isNotNull();
	}

	@Test
	void brokenFormIsRefusedWithNothingStoredAndTheTicketStillValid() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var link = ticketLink("client-" + UUID.randomUUID() + "@example.org");
		var blobsBefore = blobFiles();
		HtmlPage form = client.getPage(local(link));
		var action = form.getFullyQualifiedUrl(form.getForms().get(0).getActionAttribute());
		var request = new WebRequest(action, HttpMethod.POST);
		request.setAdditionalHeader("Content-Type", "multipart/form-data; boundary=cut-short");
		// a file part whose closing delimiter never comes, as when a proxy cuts the body
		request.setRequestBody("--cut-short\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n\r\n"
				+ "x".repeat(100_000));
		var refused = (HtmlPage) client.getPage(request);
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.asNormalizedText()).contains("The submission did not arrive as a form");
		assertThat(blobFiles()).isEqualTo(blobsBefore);
		assertThat(submit(client.getPage(local(link)), "now intact").getElementById("reference")).isNotNull();
	}

	@Test
	void fileOverTheLimitIsRefusedWithNothingStoredAndTheTicketStillValid() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var link = ticketLink("client-" + UUID.randomUUID() + "@example.org");
		var blobsBefore = blobFiles();
		var refused = submit(client.getPage(local(link)), "too big", randomFile("video.mp4", 3_500_000));
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(413);
		assertThat(refused.asNormalizedText()).contains("A file is larger than allowed. Nothing was stored");
		assertThat(blobFiles()).isEqualTo(blobsBefore);
		var accepted = submit(client.getPage(local(link)), "smaller now", randomFile("small.pdf", 1000));
		assertThat(accepted.getElementById("reference")).isNotNull();
	}

	@Test
	void submissionOverTheTotalLimitIsRefusedWithNothingStored() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var link = ticketLink("client-" + UUID.randomUUID() + "@example.org");
		var blobsBefore = blobFiles();
		var refused = submit(client.getPage(local(link)), "", randomFile("a.bin", 2_000_000),
				randomFile("b.bin", 2_000_000), randomFile("c.bin", 1_500_000));
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(413);
		assertThat(refused.asNormalizedText()).contains("The submission is too large in total. Nothing was stored");
		assertThat(blobFiles()).isEqualTo(blobsBefore);
		assertThat(client.getPage(local(link)).getWebResponse().getStatusCode()).isEqualTo(200);
	}

	@Test
	void tooManyFilesAreRefusedWithNothingStored() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var link = ticketLink("client-" + UUID.randomUUID() + "@example.org");
		var blobsBefore = blobFiles();
		var files = new Path[6];
		for (int i = 0; i < files.length; i++) {
			files[i] = randomFile("page-" + i + ".jpg", 100 + i);
		}
		var refused = submit(client.getPage(local(link)), "", files);
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(413);
		assertThat(refused.asNormalizedText()).contains("Too many files at once. Nothing was stored");
		assertThat(blobFiles()).isEqualTo(blobsBefore);
	}

	@Test
	void tamperedCiphertextEndsTheDownloadAbnormally() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var original = randomFile("evidence.bin", 1_000_000);
		var reference = submit(openTicketLink("client-" + UUID.randomUUID() + "@example.org"), "", original)
			.getElementById("reference").getTextContent();
		var blob = jdbc.queryForObject("select p.blob_id from parcel_parts p join submissions s"
				+ " on s.id = p.submission_id where s.reference = ? and p.kind = 'FILE'", String.class, reference);
		var file = blobDirectory().resolve(blob.substring(0, 2)).resolve(blob);
		var ciphertext = Files.readAllBytes(file);
		ciphertext[ciphertext.length / 2] ^= 0x01;
		Files.write(file, ciphertext);

		AccountFixtures.logIn(staff, url("/login"), admin);
		var link = local(TestMailServer.link(MAIL.await(admin.email(), reference), PUBLIC_BASE_URL + "/inbox/"));
		HtmlPage details = staff.getPage(link);
		// the browser must not end up with a complete-looking file: the body breaks off before its declared end
		assertThatThrownBy(() -> {
			var response = pressWithSecuPass(details, admin.secuPass(), "Download").getWebResponse();
			var received = response.getContentAsStream().readAllBytes();
			assertThat(received.length).as("bytes delivered").isLessThan(1_000_000);
			throw new IOException("download broke off after " + received.length + " bytes");
		}).isInstanceOf(IOException.class);
	}

	@Test
	void deletingTwiceFindsNothingTheSecondTime() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var reference = submit(openTicketLink("client-" + UUID.randomUUID() + "@example.org"), "delete me")
			.getElementById("reference").getTextContent();
		AccountFixtures.logIn(staff, url("/login"), admin);
		var link = local(TestMailServer.link(MAIL.await(admin.email(), reference), PUBLIC_BASE_URL + "/inbox/"));
		HtmlPage details = staff.getPage(link);
		var unconfirmed = (HtmlPage) press(details, "Delete submission");
		assertThat(unconfirmed.getWebResponse().getStatusCode()).as("not without the tick").isEqualTo(400);
		assertThat(unconfirmed.getHtmlElementById("confirm-delete-error").asNormalizedText())
			.contains("Please confirm by ticking the box");
		assertThat(unconfirmed.getHtmlElementById("confirm-delete").getAttribute("aria-describedby"))
			.isEqualTo("confirm-delete-error");
		assertThat(jdbc.queryForObject("select count(*) from submissions where reference = ?", Integer.class,
				reference)).isOne();
		org.tresor.web.ConfirmedPress.press(details, "Delete submission");
		var again = org.tresor.web.ConfirmedPress.press(details, "Delete submission");
		assertThat(again.getWebResponse().getStatusCode()).isEqualTo(404);
	}

	@Test
	void invalidAddressGetsAClearMessage() throws Exception {
		HtmlPage page = client.getPage(url("/submit/info"));
		((HtmlInput) page.getHtmlElementById("email")).type("victim@example.org\nBcc: evil@example.org");
		var refused = (HtmlPage) press(page, "Request ticket");
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.asNormalizedText()).contains("Please enter exactly one valid e-mail address");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void noPlaintextReachesTheDiskTheDatabaseOrTheLog(CapturedOutput log) throws Exception {
		AccountFixtures.administrator(context, this::local);
		var marker = "PLAINTEXT-MARKER-" + UUID.randomUUID();
		var file = uploads.resolve(marker + ".txt");
		Files.writeString(file, ("confidential " + marker + "\n").repeat(1000));
		var confirmation = submit(openTicketLink("client-" + UUID.randomUUID() + "@example.org"),
				"message " + marker, file);
		assertThat(confirmation.getElementById("reference")).isNotNull();

		checkpoint();
		var needle = marker.getBytes(StandardCharsets.UTF_8);
		for (var directory : java.util.List.of(DATA_DIRECTORY, blobDirectory())) {
			try (var files = Files.walk(directory)) {
				for (var path : files.filter(Files::isRegularFile).toList()) {
					assertThat(contains(Files.readAllBytes(path), needle)).as("plaintext in " + path).isFalse();
				}
			}
		}
		assertThat(databaseContents()).doesNotContain(marker);
		assertThat(log.getAll()).contains("received in box").doesNotContain(marker);
	}

	HtmlPage openTicketLink(String sender) throws IOException {
		return client.getPage(local(ticketLink(sender)));
	}

	String ticketLink(String sender) throws IOException {
		HtmlPage page = client.getPage(url("/submit/info"));
		((HtmlInput) page.getHtmlElementById("email")).type(sender);
		var requested = (HtmlPage) press(page, "Request ticket");
		assertThat(requested.asNormalizedText()).contains("Please check your mailbox");
		return TestMailServer.link(MAIL.await(sender, ""), PUBLIC_BASE_URL + "/submit/t/");
	}

	HtmlPage submit(HtmlPage form, String message, Path... files) throws IOException {
		((HtmlTextArea) form.getHtmlElementById("message")).setText(message);
		if (files.length > 0) {
			((HtmlFileInput) form.getHtmlElementById("files"))
				.setFiles(java.util.Arrays.stream(files).map(Path::toFile).toArray(File[]::new));
		}
		return (HtmlPage) press(form, "Send now");
	}

	Page pressWithSecuPass(HtmlPage page, String secuPass, String button) throws IOException {
		return pressWithSecuPass(page, secuPass, button, 0);
	}

	Page pressWithSecuPass(HtmlPage page, String secuPass, String button, int index) throws IOException {
		((HtmlInput) page.getHtmlElementById("secuPass")).setValue(secuPass);
		return press(page, button, index);
	}

	static Page press(HtmlPage page, String label) throws IOException {
		return press(page, label, 0);
	}

	static Page press(HtmlPage page, String label, int index) throws IOException {
		var buttons = page.getByXPath("//button[normalize-space(.)='" + label + "']");
		assertThat(buttons).as("button '" + label + "'").hasSizeGreaterThan(index);
		return ((HtmlButton) buttons.get(index)).click();
	}

	Path randomFile(String name, int size) throws IOException {
		var bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return Files.write(uploads.resolve(name), bytes);
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		var entries = new HashMap<String, byte[]>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
