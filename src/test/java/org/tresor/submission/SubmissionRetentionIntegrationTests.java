package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.tresor.web.DisplayFormats;
import org.tresor.account.AccountFixtures;

/**
 * Retention in the submission module: tickets go once expired, submissions 90 days after arrival (staff see
 * when), deletions a crash cut short are finished; running again changes nothing.
 */
class SubmissionRetentionIntegrationTests extends SubmissionIntegrationTest {

	static final Duration NINETY_DAYS = Duration.ofDays(90);

	@Autowired
	SubmissionExpiry expiry;

	@Autowired
	DisplayFormats formats;

	@Test
	void staffSeeWhenASubmissionWillBeDeleted() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "when does this go?");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		var expires = formats.dateTime(receivedAt(reference).plus(NINETY_DAYS));
		LocaleContextHolder.resetLocaleContext();

		AccountFixtures.logIn(staff, url("/login"), admin);
		HtmlPage inbox = staff.getPage(url("/inbox"));
		assertThat(inbox.asNormalizedText()).contains("Deleted on").contains(expires);
		HtmlPage details = staff.getPage(staffLink(admin.email(), reference));
		assertThat(details.getHtmlElementById("expires").asNormalizedText())
			.isEqualTo("Will be deleted automatically on " + expires + ".");
	}

	@Test
	void submissionGoesNinetyDaysAfterArrivalWithItsBlobsAndIsRecorded() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "old news", randomFile("old.pdf", 50_000));
		var arrived = receivedAt(reference);
		var blobs = blobsOf(reference);

		expiry.deleteExpired(arrived.plus(NINETY_DAYS).minusSeconds(60));
		assertThat(exists(reference)).isTrue();

		expiry.deleteExpired(arrived.plus(NINETY_DAYS).plusSeconds(1));
		assertThat(exists(reference)).isFalse();
		assertThat(blobs).allSatisfy(blob -> assertThat(pathOf(blob)).doesNotExist());
		assertThat(jdbc.queryForObject("select actor from audit_entries where action = 'SUBMISSION_EXPIRED' and subject = ?",
				String.class, "submission " + reference)).isEqualTo("system");
		assertThat(expiry.deleteExpired(arrived.plus(NINETY_DAYS).plusSeconds(1))).as("a second run").isZero();
	}

	@Test
	void expiredTicketIsDeleted() throws Exception {
		var sender = sender();
		var link = ticketLink(sender);

		expiry.deleteExpired(Instant.now().plus(Duration.ofHours(23)));
		assertThat(ticketsOf(sender)).isEqualTo(1);

		expiry.deleteExpired(Instant.now().plus(Duration.ofHours(24)).plusSeconds(60));
		assertThat(ticketsOf(sender)).isZero();
		assertThat(client.getPage(local(link)).getWebResponse().getStatusCode()).isEqualTo(404);
	}

	@Test
	void deletionInterruptedAfterMarkingIsFinished() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "crash after the mark", randomFile("a.pdf", 10_000));
		var blobs = blobsOf(reference);
		jdbc.update("update submissions set deleted_at = current_timestamp where reference = ?", reference);

		expiry.deleteExpired(Instant.now());

		assertThat(exists(reference)).isFalse();
		assertThat(blobs).allSatisfy(blob -> assertThat(pathOf(blob)).doesNotExist());
	}

	@Test
	void deletionInterruptedAfterRemovingTheBlobsIsFinished() throws Exception {
		AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "crash before the row went", randomFile("b.pdf", 10_000));
		jdbc.update("update submissions set deleted_at = current_timestamp where reference = ?", reference);
		for (var blob : blobsOf(reference)) {
			Files.delete(pathOf(blob));
		}

		expiry.deleteExpired(Instant.now());

		assertThat(exists(reference)).isFalse();
	}

	Instant receivedAt(String reference) {
		return jdbc.queryForObject("select received_at from submissions where reference = ?", Timestamp.class, reference)
			.toInstant();
	}

	boolean exists(String reference) {
		return jdbc.queryForObject("select count(*) from submissions where reference = ?", Integer.class, reference) > 0;
	}

	int ticketsOf(String sender) {
		return jdbc.queryForObject("select count(*) from tickets where email = ?", Integer.class, sender);
	}

	List<String> blobsOf(String reference) {
		return jdbc.queryForList("select p.blob_id from parcel_parts p join submissions s on s.id = p.submission_id"
				+ " where s.reference = ?", String.class, reference);
	}

	static Path pathOf(String blob) {
		return DATA_DIRECTORY.resolve("blobs").resolve(blob.substring(0, 2)).resolve(blob);
	}
}
