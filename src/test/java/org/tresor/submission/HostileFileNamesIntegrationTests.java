package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.Attachments.assertAttachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.tresor.RawHttp;
import org.tresor.account.AccountFixtures;

/**
 * A file name is data, never a path: names built to escape the blob directory, to hide their extension or
 * to break a header are stored under generated ids only, shown normalised, and every download of them (file,
 * ZIP, OpenPGP) is an attachment the browser neither renders, sniffs nor caches.
 */
class HostileFileNamesIntegrationTests extends SubmissionIntegrationTest {

	/** What the browser sends, and what staff see and download. */
	static final Map<String, String> NAMES = Map.of(
			"../../../../etc/passwd", "passwd",
			"..\\..\\..\\x.bat", "x.bat",
			"", "file",
			"invoice\u202Efdp.exe", "invoicefdp.exe",
			"n".repeat(1000) + ".pdf", "n".repeat(196) + ".pdf");

	@Test
	void staysDataNeverAPathAndIsShownAndDownloadedNormalised() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var before = filesOutsideBlobs();
		var names = List.copyOf(NAMES.keySet());
		var sender = sender();
		var target = formTarget(ticketLink(sender));

		var response = upload(target, names);

		assertThat(response.status()).as(response.text()).isEqualTo(302);
		assertThat(submissionsFrom(sender)).isOne();
		assertThat(filesOutsideBlobs()).as("nothing written outside the blob directory").isEqualTo(before);
		assertThat(blobFiles()).allSatisfy(file -> assertThat(file.getFileName().toString())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
		try (var near = Files.walk(DATA_DIRECTORY.getParent(), 3)) {
			assertThat(near.map(file -> file.getFileName().toString())).doesNotContain("passwd", "x.bat");
		}

		AccountFixtures.logIn(staff, url("/login"), admin);
		var id = jdbc.queryForObject("select id from submissions where sender_email = ?", String.class, sender);
		HtmlPage details = staff.getPage(url("/inbox/" + id));
		var http = new RawHttp(port);
		var opened = http.postFrom(staff, details, "/inbox/" + id + "/open", Map.of("secuPass", admin.secuPass()));
		for (var shown : NAMES.values()) {
			assertThat(opened.text()).contains(shown);
		}
		assertThat(opened.text()).doesNotContain("\u202E").doesNotContain("etc/passwd").doesNotContain("\\x.bat");

		var downloaded = new HashSet<String>();
		for (int n = 1; n <= names.size(); n++) {
			var file = http.postFrom(staff, details, "/inbox/" + id + "/files/" + n, Map.of("secuPass", admin.secuPass()));
			assertAttachment(file);
			downloaded.add(ContentDisposition.parse(file.header("Content-Disposition")).getFilename());
		}
		assertThat(downloaded).containsExactlyInAnyOrderElementsOf(NAMES.values());
		assertAttachment(http.postFrom(staff, details, "/inbox/" + id + "/zip", Map.of("secuPass", admin.secuPass())));
		assertAttachment(http.postFrom(staff, details, "/inbox/" + id + "/encrypted/1", Map.of()));
	}

	/** A ZIP unpacked on Windows or elsewhere makes plain files in one folder: no drive, stream, device or slash. */
	@Test
	void unpacksAsPlainFilesInOneFolderOnEveryOperatingSystem() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var sender = sender();

		var response = upload(formTarget(ticketLink(sender)), List.of("con.txt. ", "C:..\u2215..\uFF3Cwin.ini"));

		assertThat(response.status()).as(response.text()).isEqualTo(302);
		AccountFixtures.logIn(staff, url("/login"), admin);
		var id = jdbc.queryForObject("select id from submissions where sender_email = ?", String.class, sender);
		HtmlPage details = staff.getPage(url("/inbox/" + id));
		var zip = new RawHttp(port).postFrom(staff, details, "/inbox/" + id + "/zip", Map.of("secuPass", admin.secuPass()));
		var entries = new ArrayList<String>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.add(entry.getName());
			}
		}
		assertThat(entries).containsExactlyInAnyOrder("_con.txt", "C_.._.._win.ini");
	}

	/** The multipart parser takes control characters (NUL, DEL, escape) in a part's headers for a broken form. */
	@Test
	void controlCharactersInAPartHeaderAreRefusedWithNothingStoredAndTheTicketStillValid() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var blobsBefore = blobFiles();

		var response = upload(formTarget(link), List.of("a\u0000b\u007F\u001b[2J.txt"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(blobFiles()).isEqualTo(blobsBefore);
		assertThat(submissionsFrom(sender)).isZero();
		assertThat(upload(formTarget(link), List.of("fine.txt")).status()).isEqualTo(302);
	}

	RawHttp.Response upload(FormTarget target, List<String> names) throws IOException {
		var body = new ByteArrayOutputStream();
		for (var name : names) {
			body.writeBytes(("--" + MultipartBody.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
					+ name + "\"\r\nContent-Type: application/octet-stream\r\n\r\ncontent of a hostile name\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + MultipartBody.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new RawHttp(port).send("POST", target.action(), Map.of("Cookie", target.sessionCookie(), "Content-Type",
				MultipartBody.contentType(), "Accept", "text/html"), body.toByteArray());
	}

	/** Every file under the data directory that is not a blob (the database, logs). */
	Set<Path> filesOutsideBlobs() throws IOException {
		try (var files = Files.walk(DATA_DIRECTORY)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> !file.startsWith(blobDirectory()))
				.filter(file -> !file.getFileName().toString().endsWith(".trace.db"))
				.filter(file -> !file.getParent().getFileName().toString().equals("db"))
				.collect(Collectors.toSet());
		}
	}
}
