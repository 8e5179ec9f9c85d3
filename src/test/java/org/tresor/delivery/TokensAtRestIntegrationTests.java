package org.tresor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.Browsers.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tresor.kernel.LinkToken;
import org.tresor.TestMailServer;
import org.tresor.account.AccountFixtures;

/**
 * A copy of the database opens no link: while SMTP is down, the mails that carry a link (ticket, staff
 * invitation, a recipient's set-up link) wait in the event publication registry with ids only, and every
 * table, those events included, holds no token that any link would accept. The token is made when the mail
 * is written, so the mails that go out once SMTP is back carry links that work.
 */
class TokensAtRestIntegrationTests extends DeliveryIntegrationTest {

	/** Anything that could be a token: a run of base64url characters, looked at 43 characters at a time. */
	private static final Pattern CANDIDATES = Pattern.compile("[A-Za-z0-9_-]{43,}");

	@AfterEach
	void mailServerRunning() {
		MAIL.start();
	}

	@Test
	void theDatabaseHoldsNoLiveLinkTokenWhileMailsWaitAndTheMailedLinksWorkOnceSmtpReturns() throws Exception {
		var client = "client-" + UUID.randomUUID() + "@example.org";
		var invitee = "invitee-" + UUID.randomUUID() + "@example.org";
		var recipientAddress = newAddress();
		MAIL.stop();

		requestTicket(client);
		invite(invitee);
		send(recipientAddress, "Unterlagen", "", randomFile("a.txt", 100));
		for (var address : List.of(client, invitee, recipientAddress)) {
			await("a failed attempt to mail " + address, () -> failedPublicationsFor(address) > 0);
		}

		assertThat(liveTokensIn(databaseContents())).as("tokens in the database that open a link").isEmpty();

		MAIL.start();
		var ticketLink = TestMailServer.link(MAIL.await(client, "/submit/t/"), PUBLIC_BASE_URL + "/submit/t/");
		var inviteeLink = TestMailServer.link(MAIL.await(invitee, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/");
		var recipientLink = TestMailServer.link(MAIL.await(recipientAddress, "/account/setup/"),
				PUBLIC_BASE_URL + "/account/setup/");
		for (var address : List.of(client, invitee, recipientAddress)) {
			await("the mail to " + address + " is done", () -> publicationsFor(address) == 0);
		}

		var contents = databaseContents();
		assertThat(liveTokensIn(contents)).isEmpty();
		for (var link : List.of(ticketLink, inviteeLink, recipientLink)) {
			assertThat(contents).doesNotContain(link.substring(link.lastIndexOf('/') + 1));
		}
		try (var browser = browser()) {
			HtmlPage form = browser.getPage(local(ticketLink));
			assertThat(form.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(form.getElementById("message")).isNotNull();
			HtmlPage setup = browser.getPage(local(inviteeLink));
			assertThat(setup.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(setup.asNormalizedText()).contains(invitee);
		}
		setUpAccess(recipientLink);
		logInAsRecipient(recipientAddress);
	}

	private void requestTicket(String address) throws Exception {
		try (var browser = browser()) {
			HtmlPage page = browser.getPage(url("/submit/info"));
			AccountFixtures.type(page, "email", address);
			assertThat(AccountFixtures.submit(page, "email").getWebResponse().getStatusCode()).isEqualTo(200);
		}
	}

	private void invite(String address) throws Exception {
		HtmlPage page = staff.getPage(url("/admin/users"));
		AccountFixtures.type(page, "email", address);
		var answer = AccountFixtures.submit(page, "email");
		assertThat(answer.getUrl().getPath()).isEqualTo("/admin/users");
		assertThat(answer.asNormalizedText()).contains(address);
	}

	/**
	 * Every stretch of {@code text} that is a link token whose hash a ticket or set-up link holds: what a
	 * copy of the database would give away.
	 */
	private Set<String> liveTokensIn(String text) {
		var hashes = new HashSet<>(jdbc.queryForList("select token_hash from tickets", String.class));
		hashes.addAll(jdbc.queryForList("select token_hash from setup_links", String.class));
		var found = new HashSet<String>();
		var runs = CANDIDATES.matcher(text);
		while (runs.find()) {
			var run = runs.group();
			for (int start = 0; start + 43 <= run.length(); start++) {
				var candidate = run.substring(start, start + 43);
				if (hashes.contains(new LinkToken(candidate).hash())) {
					found.add(candidate);
				}
			}
		}
		return found;
	}

	private int publicationsFor(String address) {
		return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
				Integer.class, "%" + address + "%");
	}

	private int failedPublicationsFor(String address) {
		return jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?"
				+ " and status in ('FAILED', 'RESUBMITTED')", Integer.class, "%" + address + "%");
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		var deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
			Thread.sleep(50);
		}
	}
}
