package org.tresor.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.tresor.account.AccountFixtures;
import org.tresor.scan.ScannedByClamd;
import org.tresor.scan.ScanningOn;
import org.tresor.scan.TestClamd;

/**
 * With {@code tresor.scan.when-unavailable: accept-unscanned}, a submission that arrives while clamd is down is kept,
 * and marked: on its page and in the audit log. A finding is still refused.
 */
@ScannedByClamd
@TestPropertySource(properties = "tresor.scan.when-unavailable=accept-unscanned")
class UnscannedAcceptedIntegrationTests extends SubmissionIntegrationTest {

	@Test
	void aSubmissionWhileClamdIsDownIsKeptAndMarkedNotScanned() throws Exception {
		var admin = AccountFixtures.administrator(context, this::local);
		var sender = sender();
		var link = ticketLink(sender);
		var clamd = ScanningOn.clamd();
		var form = client.getPage(local(link));
		clamd.kill();
		String reference;
		try {
			reference = submit((HtmlPage) form, "While clamd is down", randomFile("letter.txt", 1000))
				.getHtmlElementById("reference")
				.asNormalizedText();
		}
		finally {
			clamd.restart();
		}

		AccountFixtures.logIn(staff, url("/login"), admin);
		HtmlPage details = staff.getPage(staffLink(admin.email(), reference));
		assertThat(details.getHtmlElementById("not-scanned").asNormalizedText())
			.contains("Not scanned for malware: scanning was not possible when the files arrived");
		assertThat(jdbc.queryForList("select subject from audit_entries where action = 'NOT_SCANNED' and actor = ?",
				String.class, sender))
			.singleElement()
			.asString()
			.contains(reference);
	}

	@Test
	void aScannedSubmissionIsNotMarked() throws IOException {
		var admin = AccountFixtures.administrator(context, this::local);
		var reference = submitted(sender(), "Scanned", randomFile("scanned.txt", 1000));

		AccountFixtures.logIn(staff, url("/login"), admin);
		HtmlPage details = staff.getPage(staffLink(admin.email(), reference));
		assertThat(details.getElementById("not-scanned")).isNull();
	}

	@Test
	void aFindingIsStillRefused() throws IOException {
		AccountFixtures.administrator(context, this::local);
		var infected = Files.write(uploads.resolve("eicar.com"), TestClamd.EICAR);

		var page = submit(client.getPage(local(ticketLink(sender()))), "", infected);

		assertThat(page.getWebResponse().getStatusCode()).isEqualTo(422);
	}
}
