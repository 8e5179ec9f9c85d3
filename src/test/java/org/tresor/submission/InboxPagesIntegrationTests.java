package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tresor.account.AccountFixtures;
import org.tresor.account.AccountFixtures.Credentials;
import org.tresor.parcel.web.ListPages;
import org.tresor.parcel.web.ParcelPages;

/**
 * The inbox shows a page of submissions at a time, newest first, so it stays quick however much piles up.
 * The many submissions are copies of one real one (same parts and key packets), dated ahead of everything
 * else the shared database holds, and removed afterwards.
 */
class InboxPagesIntegrationTests extends SubmissionIntegrationTest {

	private static final String PREFIX = "TR-PAGE-";

	private static final Instant FUTURE = Instant.parse("2099-01-01T00:00:00Z");

	private Credentials admin;

	@BeforeEach
	void twoPagesOfSubmissions() throws Exception {
		admin = AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "the original", randomFile("scan.pdf", 1000));
		var original = jdbc.queryForObject("select id from submissions where reference = ?", UUID.class, reference);
		var references = copies(0, 2 * ParcelPages.PAGE_SIZE);
		for (int i = 0; i < references.size(); i++) {
			copy(original, references.get(i), FUTURE.minus(i, ChronoUnit.MINUTES));
		}
		AccountFixtures.logIn(staff, url("/login"), admin);
	}

	@AfterEach
	void removeCopies() {
		jdbc.update("delete from submissions where reference like ?", PREFIX + "%");
	}

	@Test
	void firstPageShowsTheNewestAndLeadsToOlderOnes() throws Exception {
		HtmlPage first = staff.getPage(url("/inbox"));
		assertThat(references(first)).isEqualTo(copies(0, ParcelPages.PAGE_SIZE));
		assertThat(first.getByXPath("//a[@rel='prev']")).isEmpty();

		HtmlPage second = first.<org.htmlunit.html.HtmlAnchor>getFirstByXPath("//a[@rel='next']").click();
		assertThat(second.getUrl().toString()).endsWith("/inbox?page=1");
		assertThat(references(second)).isEqualTo(copies(ParcelPages.PAGE_SIZE, 2 * ParcelPages.PAGE_SIZE));
		assertThat(second.asNormalizedText()).contains("Page 2");

		HtmlPage back = second.<org.htmlunit.html.HtmlAnchor>getFirstByXPath("//a[@rel='prev']").click();
		assertThat(references(back)).isEqualTo(copies(0, ParcelPages.PAGE_SIZE));
	}

	@Test
	void pageNumbersOutOfRangeShowAPageNeverAnError() throws Exception {
		ListPages.assertPageNumbersOutOfRangeShowAPage(staff, url("/inbox"), PREFIX, "No submissions.");
	}

	private static List<String> references(HtmlPage page) {
		return ListPages.references(page, PREFIX);
	}

	private static List<String> copies(int from, int to) {
		return ListPages.numbered(PREFIX, from, to);
	}

	/** Another submission with the original's parts and key packets (the same blobs), received at {@code at}. */
	private void copy(UUID original, String reference, Instant at) {
		var id = UUID.randomUUID();
		jdbc.update("""
				insert into submissions (id, box_id, reference, sender_email, received_at, file_count, total_size,
				  version) select ?, box_id, ?, sender_email, ?, file_count, total_size, 0
				from submissions where id = ?""", id, reference, Timestamp.from(at), original);
		for (var part : jdbc.queryForList("select id from parcel_parts where submission_id = ?", UUID.class,
				original)) {
			var copy = UUID.randomUUID();
			jdbc.update("""
					insert into parcel_parts (id, submission_id, position, kind, blob_id, plaintext_size,
					  ciphertext_size) select ?, ?, position, kind, blob_id, plaintext_size, ciphertext_size
					from parcel_parts where id = ?""", copy, id, part);
			jdbc.update("insert into parcel_key_packets (part_id, user_id, packet) "
					+ "select ?, user_id, packet from parcel_key_packets where part_id = ?", copy, part);
		}
	}
}
