package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.AtOnce.atOnce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.tresor.account.AccountFixtures;

/** Requests that race: one ticket used twice at once, a download during a deletion, two deletions at once. */
class ConcurrencyIntegrationTests extends SubmissionIntegrationTest {

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void sameTicketSubmittedTwiceAtOnceMakesOneSubmission() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var target = formTarget(ticketLink(sender));
		var body = new MultipartBody("sent twice", "scan.pdf", Files.readAllBytes(randomFile("scan.pdf", 500_000)));
		var blobsBefore = blobFiles();

		var statuses = atOnce(2, () -> http.send(HttpRequest.newBuilder(URI.create(url(target.action())))
			.header("Cookie", target.sessionCookie())
			.header("Content-Type", MultipartBody.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.all()))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode());

		assertThat(statuses).containsExactlyInAnyOrder(302, 404);
		assertThat(submissionsFrom(sender)).isEqualTo(1);
		var added = new HashSet<>(blobFiles());
		added.removeAll(blobsBefore);
		assertThat(added.stream().map(path -> path.getFileName().toString()).collect(Collectors.toSet()))
			.as("the loser's blobs are gone, the winner's are all there")
			.isEqualTo(Set.copyOf(jdbc.queryForList("select p.blob_id from parcel_parts p join submissions s"
					+ " on s.id = p.submission_id where s.sender_email = ?", String.class, sender)));
	}

	@Test
	void downloadDuringDeletionCompletesOrFailsVisiblyAndTheDeletionCompletes() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var original = Files.readAllBytes(randomFile("evidence.bin", 2_800_000));
		var reference = submitted(sender(), "", uploads.resolve("evidence.bin"));
		AccountFixtures.logIn(staff, url("/login"), admin);
		var link = staffLink(admin.email(), reference);
		HtmlPage details = staff.getPage(link);
		var blobs = blobsOf(reference);

		var response = http.send(staffPost(link + "/files/1", details, "secuPass=" + encode(admin.secuPass())),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		var received = new ByteArrayOutputStream();
		IOException brokeOff = null;
		try (InputStream download = response.body()) {
			received.write(download.readNBytes(65_536));

			var deleted = (HtmlPage) org.tresor.web.ConfirmedPress.press(details, "Delete submission");
			assertThat(deleted.asNormalizedText()).contains("The submission was deleted.");

			try {
				download.transferTo(received);
			}
			catch (IOException e) {
				brokeOff = e;
			}
		}
		if (brokeOff == null) {
			assertThat(received.toByteArray()).as("a download that completes is complete and correct")
				.isEqualTo(original);
		}
		else {
			// fails visibly: the body ends before its end (no last chunk), so the browser marks the download failed
			assertThat(received.size()).as("a download that broke off (%s) ends short of the file", brokeOff)
				.isLessThan(original.length);
			assertThat(received.toByteArray()).as("and what arrived until then is the file's beginning, nothing else")
				.isEqualTo(java.util.Arrays.copyOf(original, received.size()));
		}
		assertThat(jdbc.queryForObject("select count(*) from submissions where reference = ?", Integer.class, reference))
			.isZero();
		assertThat(blobs).allSatisfy(blob -> assertThat(blobStore.exists(new org.tresor.storage.BlobId(blob))).isFalse());
	}

	@Test
	void twoDeletionsAtOnceDeleteOnceAndRecordOnce() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "delete me twice");
		AccountFixtures.logIn(staff, url("/login"), admin);
		var link = staffLink(admin.email(), reference);
		HtmlPage details = staff.getPage(link);

		var delete = staffPost(link + "/delete", details, "confirm=yes");

		var statuses = atOnce(2, () -> http.send(delete, HttpResponse.BodyHandlers.discarding()).statusCode());

		assertThat(statuses).containsExactlyInAnyOrder(302, 404);
		assertThat(jdbc.queryForObject("select count(*) from audit_entries where action = 'SUBMISSION_DELETED'"
				+ " and subject = ?", Integer.class, "submission " + reference)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from submissions where reference = ?", Integer.class, reference))
			.isZero();
	}

	List<String> blobsOf(String reference) {
		return jdbc.queryForList("select p.blob_id from parcel_parts p join submissions s on s.id = p.submission_id"
				+ " where s.reference = ?", String.class, reference);
	}

	/** A form POST in the staff browser's session, with the page's CSRF token. */
	HttpRequest staffPost(String url, HtmlPage page, String fields) {
		var csrf = ((HtmlInput) page.getElementsByName("_csrf").get(0)).getValue();
		var session = staff.getCookieManager().getCookie("JSESSIONID").getValue();
		var body = (fields.isEmpty() ? "" : fields + "&") + "_csrf=" + encode(csrf);
		return HttpRequest.newBuilder(URI.create(url))
			.header("Cookie", "JSESSIONID=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
