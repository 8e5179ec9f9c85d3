package org.tresor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tresor.parcel.web.ListPages;
import org.tresor.parcel.web.ParcelPages;

/**
 * The outbox shows a page of deliveries at a time, newest first, as the inbox does. The many deliveries are
 * copies of one real one (its recipients included), dated ahead of everything else the sender sent, and
 * removed afterwards.
 */
class OutboxPagesIntegrationTests extends DeliveryIntegrationTest {

	private static final String PREFIX = "ZU-PAGE-";

	private static final Instant FUTURE = Instant.parse("2099-01-01T00:00:00Z");

	private String originalReference;

	@BeforeEach
	void twoPagesOfDeliveries() throws Exception {
		var subject = "Original " + UUID.randomUUID();
		send(newAddress(), subject, "", randomFile("letter.pdf", 1000));
		var original = jdbc.queryForObject("select id from deliveries where subject = ?", UUID.class, subject);
		originalReference = jdbc.queryForObject("select reference from deliveries where id = ?", String.class,
				original);
		var references = copies(0, 2 * ParcelPages.PAGE_SIZE);
		for (int i = 0; i < references.size(); i++) {
			copy(original, references.get(i), FUTURE.minus(i, ChronoUnit.MINUTES));
		}
	}

	@AfterEach
	void removeCopies() {
		jdbc.update("delete from deliveries where reference like ?", PREFIX + "%");
	}

	@Test
	void firstPageShowsTheNewestAndLeadsToOlderOnes() throws Exception {
		HtmlPage first = staff.getPage(url("/outbox"));
		assertThat(references(first)).isEqualTo(copies(0, ParcelPages.PAGE_SIZE));
		assertThat(first.getByXPath("//a[@rel='prev']")).isEmpty();

		HtmlPage second = first.<HtmlAnchor>getFirstByXPath("//a[@rel='next']").click();
		assertThat(second.getUrl().toString()).endsWith("/outbox?page=1");
		assertThat(references(second)).isEqualTo(copies(ParcelPages.PAGE_SIZE, 2 * ParcelPages.PAGE_SIZE));

		HtmlPage third = second.<HtmlAnchor>getFirstByXPath("//a[@rel='next']").click();
		assertThat(third.asNormalizedText()).contains(originalReference).contains("Page 3");
		assertThat(references(third)).isEmpty();
	}

	@Test
	void pageNumbersOutOfRangeShowAPageNeverAnError() throws Exception {
		ListPages.assertPageNumbersOutOfRangeShowAPage(staff, url("/outbox"), PREFIX,
				"You have not sent anything yet.");
	}

	private static List<String> references(HtmlPage page) {
		return ListPages.references(page, PREFIX);
	}

	private static List<String> copies(int from, int to) {
		return ListPages.numbered(PREFIX, from, to);
	}

	/** Another delivery with the original's recipients (no parts: the list does not read them), sent at {@code at}. */
	private void copy(UUID original, String reference, Instant at) {
		var id = UUID.randomUUID();
		jdbc.update("""
				insert into deliveries (id, reference, sender_id, sender_email, subject, created_at, expires_at,
				  file_count, total_size, version) select ?, ?, sender_id, sender_email, subject, ?, expires_at,
				  file_count, total_size, 0 from deliveries where id = ?""",
				id, reference, Timestamp.from(at), original);
		jdbc.update("""
				insert into delivery_recipients (id, delivery_id, position, user_id, email, completed_at)
				select random_uuid(), ?, position, user_id, email, completed_at from delivery_recipients
				where delivery_id = ?""", id, original);
	}
}
