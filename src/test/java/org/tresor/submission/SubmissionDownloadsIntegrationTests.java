package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tresor.RawHttp;
import org.tresor.account.AccountFixtures;
import org.tresor.account.AccountFixtures.Credentials;

/**
 * A submission counts as downloaded only once a download reached the staff member in full: one that the
 * browser cancels half-way records nothing and tells nobody.
 */
class SubmissionDownloadsIntegrationTests extends SubmissionIntegrationTest {

	/** As large as the test limits allow: more than the socket buffers hold once the client stops reading. */
	static final int LARGE = 3_000_000;

	Credentials admin;

	@BeforeEach
	void administrator() {
		admin = AccountFixtures.administrator(context, this::local);
	}

	@Test
	void aDownloadCutOffHalfWayIsNotRecorded() throws Exception {
		var id = submissionWith("cut-off.bin");

		new RawHttp(port).postAndAbandon(staff, details(id), "/inbox/" + id + "/files/1",
				Map.of("secuPass", admin.secuPass()), 64 * 1024);

		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
			.until(() -> downloadedAt(id) == null && downloadEvents(id) == 0);
		var complete = new RawHttp(port).postFrom(staff, details(id), "/inbox/" + id + "/files/1",
				Map.of("secuPass", admin.secuPass()));
		assertThat(complete.complete()).isTrue();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> downloadedAt(id) != null && downloadEvents(id) == 1);
	}

	@Test
	void aZipCutOffHalfWayIsNotRecorded() throws Exception {
		var id = submissionWith("cut-off-zip.bin");

		new RawHttp(port).postAndAbandon(staff, details(id), "/inbox/" + id + "/zip",
				Map.of("secuPass", admin.secuPass()), 64 * 1024);

		Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
			.until(() -> downloadedAt(id) == null && downloadEvents(id) == 0);
	}

	String submissionWith(String name) throws Exception {
		var reference = submitted(sender(), "", randomFile(name, LARGE));
		return jdbc.queryForObject("select id from submissions where reference = ?", String.class, reference);
	}

	HtmlPage details(String id) throws Exception {
		if (staff.getCookieManager().getCookie("JSESSIONID") == null) {
			AccountFixtures.logIn(staff, url("/login"), admin);
		}
		return staff.getPage(url("/inbox/" + id));
	}

	Object downloadedAt(String id) {
		return jdbc.queryForObject("select downloaded_at from submissions where id = ?", Object.class, id);
	}

	int downloadEvents(String id) {
		var reference = jdbc.queryForObject("select reference from submissions where id = ?", String.class, id);
		return jdbc.queryForObject("select count(*) from audit_entries where action = 'SUBMISSION_DOWNLOADED'"
				+ " and subject like ?", Integer.class, "%" + reference + "%");
	}
}
