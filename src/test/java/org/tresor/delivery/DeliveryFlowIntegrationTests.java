package org.tresor.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tresor.AtOnce.atOnce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipInputStream;

import org.awaitility.Awaitility;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.RawHttp;
import org.tresor.TestMailServer;
import org.tresor.account.AccountFixtures;
import org.tresor.account.AccountFixtures.Credentials;
import org.tresor.account.UserId;
import org.tresor.crypto.GnuPg;

/**
 * The whole outbound flow as people use it, through the real web pages and real mails: staff send to an
 * address, the recipient sets up access, the sender completes with the SecuPass, the recipient fetches and
 * deletes, the sender is told.
 */
class DeliveryFlowIntegrationTests extends DeliveryIntegrationTest {

	@Autowired
	Expiry expiry;

	@Autowired
	Received received;

	@Autowired
	Deliveries deliveries;

	@Autowired
	PlatformTransactionManager transactionManager;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void newRecipientSetsUpAccessSenderCompletesRecipientFetchesAndDeletes() throws Exception {
		var address = newAddress();
		var first = randomFile("Bescheid März.pdf", 400_000);
		var second = randomFile("scan.jpg", 1_200_000);

		var outbox = send(address, "Your documents", "Here is what you asked for.", first, second);
		assertThat(outbox.getWebResponse().getStatusCode()).isEqualTo(200);
		assertThat(outbox.asNormalizedText()).contains("The delivery was sent.");
		assertThat(stateIn(outbox, "Your documents")).contains("waiting for the recipient to set up access");

		var invitation = MAIL.await(address, "/account/setup/");
		assertThat(TestMailServer.text(invitation)).contains(sender.email())
			.doesNotContain("Here is what you asked for")
			.doesNotContain("scan.jpg")
			.doesNotContain("Your documents");
		setUpAccess(TestMailServer.link(invitation, PUBLIC_BASE_URL + "/account/setup/"));

		var completionMail = MAIL.await(sender.email(), address + " has set up access");
		assertThat(TestMailServer.text(completionMail)).contains("One delivery");
		var completionLink = TestMailServer.link(completionMail, PUBLIC_BASE_URL + "/outbox/complete");
		assertThat(stateIn(staff.getPage(url("/outbox")), "Your documents")).contains("access set up – please complete");

		var bodiesBefore = blobContents();
		HtmlPage completion = staff.getPage(local(completionLink));
		assertThat(completion.asNormalizedText()).contains("Your documents").contains(address);
		var refused = completeWith(completion, "not my SecuPass");
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
		assertThat(refused.asNormalizedText()).contains("The SecuPass is wrong");
		var completed = completeWith(refused, sender.secuPass());
		assertThat(completed.asNormalizedText()).contains("The deliveries are complete");
		assertThat(stateIn(completed, "Your documents")).contains("delivered");
		assertThat(blobContents()).as("completing re-wraps keys and leaves every body as it was")
			.isEqualTo(bodiesBefore);

		var ready = MAIL.await(address, "are ready for you");
		var id = jdbc.queryForObject("select id from deliveries where subject = 'Your documents'", UUID.class);
		var readyLink = TestMailServer.link(ready, PUBLIC_BASE_URL + "/received");
		assertThat(readyLink).as("the mail links the delivery itself").isEqualTo(PUBLIC_BASE_URL + "/received/" + id);
		HtmlPage login = recipient.getPage(local(readyLink));
		assertThat(login.getUrl().getPath()).isEqualTo("/login");
		AccountFixtures.type(login, "email", address);
		AccountFixtures.type(login, "password", RECIPIENT_PASSWORD);
		var landed = AccountFixtures.submit(login, "password");
		assertThat(landed.getUrl().getPath()).as("after signing in, the delivery the mail linked")
			.isEqualTo("/received/" + id);
		assertThat(landed.getWebResponse().getStatusCode()).isEqualTo(200);
		assertThat(landed.asNormalizedText()).contains("Your documents").contains(sender.email());
		HtmlPage list = recipient.getPage(url("/received"));
		assertThat(list.asNormalizedText()).contains("Your documents").contains(sender.email()).contains("2 files");

		HtmlPage details = ((org.htmlunit.html.HtmlAnchor) list.getAnchorByText("Your documents")).click();
		var opened = (HtmlPage) withSecuPass(details, RECIPIENT_SECUPASS, "Open", 0);
		assertThat(opened.asNormalizedText()).contains("Here is what you asked for.")
			.contains("Bescheid März.pdf")
			.contains("scan.jpg");
		var download = withSecuPass(opened, RECIPIENT_SECUPASS, "Download", 1).getWebResponse();
		assertThat(download.getContentAsStream().readAllBytes()).isEqualTo(Files.readAllBytes(second));
		assertThat(download.getResponseHeaderValue("Content-Disposition")).contains("attachment")
			.contains("scan.jpg");
		var zip = unzip(withSecuPass(opened, RECIPIENT_SECUPASS, "Download all as ZIP", 0).getWebResponse()
			.getContentAsStream().readAllBytes());
		assertThat(zip).containsOnlyKeys("Bescheid März.pdf", "scan.jpg");
		assertThat(zip.get("Bescheid März.pdf")).isEqualTo(Files.readAllBytes(first));

		var downloadedMail = MAIL.await(sender.email(), address + " downloaded your delivery");
		assertThat(TestMailServer.text(downloadedMail)).contains(address).doesNotContain("scan.jpg");
		assertThat(MAIL.to(sender.email()).stream().filter(mail -> subject(mail).contains("downloaded your delivery")
				&& TestMailServer.text(mail).contains(address))).as("told once, at the first download").hasSize(1);
		assertThat(stateIn(staff.getPage(url("/outbox")), "Your documents")).contains("downloaded");

		var bodies = bodiesOf("Your documents");
		assertThat(bodies).hasSize(3);
		var deleted = confirmDelete(opened);
		assertThat(deleted.asNormalizedText()).contains("The delivery was deleted from the server.")
			.doesNotContain("Your documents");
		assertThat(recipient.getPage(details.getUrl()).getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(stateIn(staff.getPage(url("/outbox")), "Your documents")).contains("deleted by the recipient");
		assertThat(bodiesOf("Your documents")).as("the last recipient deleted it: bodies and parts are gone").isEmpty();
		assertThat(blobContents().keySet()).doesNotContainAnyElementsOf(bodies);
		var reference = jdbc.queryForObject("select reference from deliveries where subject = 'Your documents'",
				String.class);
		assertThat(jdbc.queryForList("select action from audit_entries where subject like ?", String.class,
				"delivery " + reference + "%"))
			.contains("DELIVERY_SENT", "DELIVERY_COMPLETED", "DELIVERY_DOWNLOADED", "DELIVERY_DELETED_BY_RECIPIENT");
	}

	@Test
	void completionsAtOnceByOneSenderAllSucceedAndGrantOnce() throws Exception {
		var address = newAddress();
		var subject = "At once " + address;
		send(address, subject, "", randomFile("at-once.txt", 1000));
		setUpAccess(TestMailServer.link(MAIL.await(address, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/"));
		MAIL.await(sender.email(), address + " has set up access");
		// three presses at once in one signed-in session: on PostgreSQL each also writes the session's flash
		// message, so this also proves the session store takes the same attribute from concurrent requests
		var tab = org.tresor.Browsers.browser();
		AccountFixtures.logIn(tab, url("/login"), sender);
		HtmlPage page = tab.getPage(url("/outbox/complete"));

		var statuses = atOnce(java.util.stream.IntStream.range(0, 3)
			.<java.util.concurrent.Callable<Integer>>mapToObj(i -> () -> new RawHttp(port)
				.postFrom(tab, page, "/outbox/complete", Map.of("secuPass", sender.secuPass()))
				.status())
			.toArray(java.util.concurrent.Callable[]::new));
		tab.close();

		assertThat(statuses).as("no duplicate key packet, no 500").containsOnly(302);
		assertThat(jdbc.queryForObject("select count(*) from parcel_key_packets k join parcel_parts p on p.id = k.part_id"
				+ " join deliveries d on d.id = p.delivery_id join users u on u.id = k.user_id"
				+ " where d.subject = ? and u.email = ?", Integer.class, subject, address))
			.as("one key packet for the manifest and one for the file").isEqualTo(2);
		MAIL.await(address, "are ready for you");
		assertThat(MAIL.to(address).stream().filter(mail -> subject(mail).contains("ready"))).hasSize(1);
	}

	@Test
	void aDownloadThatReadTheDeliveryBeforeTheFirstDownloadWasRecordedTellsTheSenderNothing() throws Exception {
		var address = activatedRecipient();
		send(address, "Told once", "", randomFile("once.txt", 100));
		var id = jdbc.queryForObject("select id from deliveries where subject = 'Told once'", UUID.class);
		var reader = userId(address);

		transactions().executeWithoutResult(status -> {
			assertThat(deliveries.findById(id).orElseThrow().recipient(reader).orElseThrow().downloadedAt())
				.as("read before").isEmpty();
			CompletableFuture.runAsync(() -> received.downloaded(id, reader, false)).join();
			received.downloaded(id, reader, false);
		});

		awaitMailsSent();
		assertThat(MAIL.to(sender.email()).stream()
			.filter(mail -> subject(mail).contains(address + " downloaded your delivery"))).hasSize(1);
	}

	private TransactionTemplate transactions() {
		return new TransactionTemplate(transactionManager);
	}

	private UserId userId(String email) {
		return new UserId(jdbc.queryForObject("select id from users where email = ?", UUID.class, email));
	}

	private void awaitMailsSent() {
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("select count(*) from event_publication", Long.class), count -> count == 0);
	}

	@Test
	void recipientWithAKeyCanFetchAtOnceWithoutCompletion() throws Exception {
		var address = activatedRecipient();
		var file = randomFile("letter.pdf", 50_000);
		var outbox = send(address, "Second letter", "", file);
		assertThat(stateIn(outbox, "Second letter")).contains("delivered");
		MAIL.await(address, "are ready for you");

		logInAsRecipient(address);
		HtmlPage details = ((org.htmlunit.html.HtmlAnchor) ((HtmlPage) recipient.getPage(url("/received")))
			.getAnchorByText("Second letter")).click();
		var download = withSecuPass(details, RECIPIENT_SECUPASS, "Download", 0).getWebResponse();
		assertThat(download.getContentAsStream().readAllBytes()).isEqualTo(Files.readAllBytes(file));
		assertThat(MAIL.to(sender.email()).stream().map(DeliveryFlowIntegrationTests::subject))
			.as("only the first delivery, sent before the set-up, needed completing")
			.containsOnlyOnce(address + " has set up access");
	}

	@Test
	void theDetailsPageHeadsWithTheSubjectExactlyAsTypedQuotesAndBracesIncluded() throws Exception {
		var address = activatedRecipient();
		var subject = "Lohn '24 {0} <für> Mai";
		send(address, subject, "", randomFile("pay.pdf", 1000));

		logInAsRecipient(address);
		HtmlPage details = ((org.htmlunit.html.HtmlAnchor) ((HtmlPage) recipient.getPage(url("/received")))
			.getAnchorByText(subject)).click();

		assertThat(details.<org.htmlunit.html.HtmlHeading1>getFirstByXPath("//main//h1").asNormalizedText())
			.isEqualTo(subject);
		assertThat(details.getTitleText()).startsWith(subject + " – ");
	}

	@Test
	void encryptedDownloadOfACompletedDeliveryDecryptsWithGnuPg() throws Exception {
		GnuPg.assumeAvailable();
		var address = newAddress();
		var file = randomFile("contract.pdf", 70_000);
		send(address, "For GnuPG", "", file);
		setUpAccess(TestMailServer.link(MAIL.await(address, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/"));
		MAIL.await(sender.email(), address + " has set up access");
		completeWith(staff.getPage(url("/outbox/complete")), sender.secuPass());

		logInAsRecipient(address);
		HtmlPage details = ((org.htmlunit.html.HtmlAnchor) ((HtmlPage) recipient.getPage(url("/received")))
			.getAnchorByText("For GnuPG")).click();
		var encrypted = ((org.htmlunit.html.HtmlButton) details
			.getFirstByXPath("//button[@form='encrypted-1']")).<org.htmlunit.Page>click()
			.getWebResponse();
		assertThat(encrypted.getResponseHeaderValue("Content-Disposition")).contains(".pgp");
		assertThat(encrypted.getWebRequest().getRequestParameters()).as("the SecuPass is not sent where it is not needed")
			.noneMatch(parameter -> parameter.getName().equals("secuPass"));
		HtmlPage account = recipient.getPage(url("/account"));
		AccountFixtures.type(account, "secuPass", RECIPIENT_SECUPASS);
		var exported = AccountFixtures.press(account, "secuPass").getWebResponse();
		try (var gpg = GnuPg.temporaryHome()) {
			gpg.importSecretKey(exported.getContentAsStream().readAllBytes(), RECIPIENT_SECUPASS);
			assertThat(gpg.decrypt(encrypted.getContentAsStream().readAllBytes(), RECIPIENT_SECUPASS))
				.as("the re-wrapped key packet and the untouched body form a message GnuPG reads")
				.isEqualTo(Files.readAllBytes(file));
		}
	}

	@Test
	void oneSecuPassCompletesEveryWaitingDeliveryOfTheSender() throws Exception {
		var address = newAddress();
		send(address, "Part one", "", randomFile("one.pdf", 1000));
		send(address, "Part two", "", randomFile("two.pdf", 2000));
		var invitations = MAIL.awaitAll(address, 2);
		setUpAccess(TestMailServer.link(invitations.get(1), PUBLIC_BASE_URL + "/account/setup/"));
		var completionMail = MAIL.await(sender.email(), address + " has set up access");
		assertThat(TestMailServer.text(completionMail)).contains("2 deliveries");

		HtmlPage completion = staff.getPage(url("/outbox/complete"));
		completeWith(completion, sender.secuPass());
		var ready = MAIL.await(address, "are ready for you");
		assertThat(TestMailServer.text(ready)).contains("2 deliveries");
		assertThat(TestMailServer.link(ready, PUBLIC_BASE_URL + "/received")).as("several: the list")
			.isEqualTo(PUBLIC_BASE_URL + "/received");
		logInAsRecipient(address);
		assertThat(((HtmlPage) recipient.getPage(url("/received"))).asNormalizedText()).contains("Part one")
			.contains("Part two");
	}

	@Test
	void aRecipientNeverSeesAnotherRecipientsDeliveryNorAnyStaffPage() throws Exception {
		var alice = activatedRecipient();
		var bob = activatedRecipient();
		send(alice, "For Alice only", "secret for alice", randomFile("alice.pdf", 1000));
		var aliceDelivery = jdbc.queryForObject("select id from deliveries where subject = 'For Alice only'",
				UUID.class);

		logInAsRecipient(bob);
		assertThat(((HtmlPage) recipient.getPage(url("/received"))).asNormalizedText()).doesNotContain("For Alice only");
		var page = recipient.getPage(url("/received/" + aliceDelivery));
		assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(page.getWebResponse().getContentAsString()).doesNotContain("For Alice only");
		var csrf = ((HtmlPage) recipient.getPage(url("/received")))
			.<org.htmlunit.html.HtmlInput>getFirstByXPath("//input[@name='_csrf']").getValue();
		for (var action : new String[] { "/open", "/files/1", "/zip", "/encrypted/1", "/delete" }) {
			var post = new org.htmlunit.WebRequest(new java.net.URL(url("/received/" + aliceDelivery + action)),
					org.htmlunit.HttpMethod.POST);
			post.setRequestParameters(java.util.List.of(new org.htmlunit.util.NameValuePair("_csrf", csrf),
					new org.htmlunit.util.NameValuePair("secuPass", RECIPIENT_SECUPASS),
					new org.htmlunit.util.NameValuePair("confirm", "yes")));
			var answer = recipient.getPage(post).getWebResponse();
			assertThat(answer.getStatusCode()).as(action).isEqualTo(404);
			assertThat(answer.getContentAsString()).as(action).doesNotContain("For Alice only");
		}
		assertThat(jdbc.queryForObject("select count(*) from delivery_recipients where delivery_id = ?"
				+ " and downloaded_at is null and deleted_at is null", Integer.class, aliceDelivery))
			.as("Bob's downloads and delete left Alice's delivery as it was").isOne();
		for (var path : new String[] { "/outbox", "/outbox/new", "/outbox/" + aliceDelivery, "/inbox", "/admin/users" }) {
			assertThat(recipient.getPage(url(path)).getWebResponse().getStatusCode()).as(path).isEqualTo(403);
		}
	}

	@Test
	void formErrorsAreShownNextToTheFieldsWithWhatWasTypedAndNothingIsStored() throws Exception {
		var before = blobContents().keySet();
		HtmlPage form = staff.getPage(url("/outbox/new"));
		fill(form, "someone@example.org, not-an-address", "", "keep this message", randomFile("a.pdf", 1000));
		var refused = (HtmlPage) press(form, "Send now", 0);
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.getHtmlElementById("recipients-error").asNormalizedText())
			.contains("not a valid e-mail address");
		assertThat(refused.getHtmlElementById("subject-error").asNormalizedText()).contains("Please enter a subject");
		assertThat(refused.getHtmlElementById("recipients").getAttribute("aria-describedby")).contains("recipients-error");
		assertThat(((HtmlTextArea) refused.getHtmlElementById("message")).getText()).isEqualTo("keep this message");
		assertThat(((HtmlTextArea) refused.getHtmlElementById("recipients")).getText())
			.isEqualTo("someone@example.org, not-an-address");
		assertThat(blobContents().keySet()).isEqualTo(before);
	}

	@Test
	void messageWithControlCharactersIsRefusedAtItsFieldWithNothingStored() throws Exception {
		var before = blobContents().keySet();
		HtmlPage form = staff.getPage(url("/outbox/new"));
		fill(form, newAddress(), "Pasted", "pasted from a terminal \u001b[31mred", randomFile("a.pdf", 1000));
		var refused = (HtmlPage) press(form, "Send now", 0);
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.getHtmlElementById("message-error").asNormalizedText()).contains("control characters");
		assertThat(refused.getHtmlElementById("message").getAttribute("aria-describedby")).contains("message-error");
		assertThat(blobContents().keySet()).isEqualTo(before);
	}

	@Test
	void expiryBeyondTheLimitIsRefused() throws Exception {
		HtmlPage form = staff.getPage(url("/outbox/new"));
		fill(form, newAddress(), "Too long", "", randomFile("a.pdf", 1000));
		((HtmlInput) form.getHtmlElementById("expiresOn")).setValue(dispatchToday().plusDays(91).toString());
		var refused = (HtmlPage) press(form, "Send now", 0);
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.getHtmlElementById("expiresOn-error").asNormalizedText()).contains("after today");
	}

	@Test
	void fileOverTheLimitIsRefusedWithNothingStored() throws Exception {
		var before = blobContents().keySet();
		HtmlPage form = staff.getPage(url("/outbox/new"));
		fill(form, newAddress(), "Too big", "", randomFile("video.mp4", 3_500_000));
		var refused = (HtmlPage) press(form, "Send now", 0);
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(413);
		assertThat(refused.asNormalizedText()).contains("A file is larger than allowed. Nothing was sent");
		assertThat(blobContents().keySet()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from deliveries where subject = 'Too big'", Integer.class))
			.isZero();
	}

	@Test
	void anotherStaffMemberNeitherSeesNorWithdrawsTheSendersDelivery() throws Exception {
		send(newAddress(), "Only the sender's", "", randomFile("own.pdf", 1000));
		var id = jdbc.queryForObject("select id from deliveries where subject = 'Only the sender''s'", UUID.class);
		var colleague = new Credentials("colleague-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
				RECIPIENT_PASSWORD, RECIPIENT_SECUPASS);
		HtmlPage users = staff.getPage(url("/admin/users"));
		AccountFixtures.type(users, "email", colleague.email());
		((org.htmlunit.html.HtmlSelect) users.getElementById("language")).setSelectedAttribute("en", true);
		AccountFixtures.submit(users, "email");
		setUpAccess(TestMailServer.link(MAIL.await(colleague.email(), "/account/setup/"),
				PUBLIC_BASE_URL + "/account/setup/"));
		AccountFixtures.logIn(recipient, url("/login"), colleague);

		assertThat(((HtmlPage) recipient.getPage(url("/outbox"))).asNormalizedText()).doesNotContain("Only the sender's");
		assertThat(recipient.getPage(url("/outbox/" + id)).getWebResponse().getStatusCode()).isEqualTo(404);
		var csrf = ((HtmlPage) recipient.getPage(url("/outbox")))
			.<HtmlInput>getFirstByXPath("//input[@name='_csrf']").getValue();
		var withdraw = new org.htmlunit.WebRequest(new java.net.URL(url("/outbox/" + id + "/withdraw")),
				org.htmlunit.HttpMethod.POST);
		withdraw.setRequestParameters(java.util.List.of(new org.htmlunit.util.NameValuePair("_csrf", csrf)));
		assertThat(recipient.getPage(withdraw).getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(staff.getPage(url("/outbox/" + id)).getWebResponse().getStatusCode())
			.as("still there for its sender").isEqualTo(200);

		clock.advance(java.time.Duration.ofDays(7).plusMinutes(1));
		var resend = new org.htmlunit.WebRequest(new java.net.URL(url("/outbox/" + id + "/recipients/0/resend")),
				org.htmlunit.HttpMethod.POST);
		resend.setRequestParameters(java.util.List.of(new org.htmlunit.util.NameValuePair("_csrf", csrf)));
		assertThat(recipient.getPage(resend).getWebResponse().getStatusCode())
			.as("only the sender sends a set-up link again").isEqualTo(404);
		assertThat(jdbc.queryForObject("select count(*) from setup_links l join delivery_recipients r"
				+ " on r.user_id = l.user_id where r.delivery_id = ?", Integer.class, id))
			.as("the expired link was not replaced").isOne();
	}

	@Test
	void withdrawnDeliveryIsGoneForEveryone() throws Exception {
		var address = activatedRecipient();
		send(address, "Sent by mistake", "", randomFile("wrong.pdf", 5000));
		var bodies = bodiesOf("Sent by mistake");
		var id = jdbc.queryForObject("select id from deliveries where subject = 'Sent by mistake'", UUID.class);

		HtmlPage details = staff.getPage(url("/outbox/" + id));
		var unconfirmed = (HtmlPage) press(details, "Withdraw delivery", 0);
		assertThat(unconfirmed.getWebResponse().getStatusCode()).as("not without the tick").isEqualTo(400);
		assertThat(unconfirmed.getHtmlElementById("confirm-withdraw-error").asNormalizedText())
			.contains("Please confirm by ticking the box");
		assertThat(blobContents().keySet()).containsAll(bodies);
		var withdrawn = (HtmlPage) org.tresor.web.ConfirmedPress.press(details, "Withdraw delivery");
		assertThat(withdrawn.asNormalizedText()).contains("The delivery was withdrawn").doesNotContain("Sent by mistake");
		assertThat(blobContents().keySet()).doesNotContainAnyElementsOf(bodies);
		logInAsRecipient(address);
		assertThat(recipient.getPage(url("/received/" + id)).getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(((HtmlPage) org.tresor.web.ConfirmedPress.press(details, "Withdraw delivery")).getWebResponse()
			.getStatusCode()).isEqualTo(404);
	}

	@Test
	void expiredDeliveryDisappearsForTheRecipientAndItsFilesAreRemoved() throws Exception {
		var address = activatedRecipient();
		HtmlPage form = staff.getPage(url("/outbox/new"));
		fill(form, address, "Short-lived", "", randomFile("soon.pdf", 5000));
		((HtmlInput) form.getHtmlElementById("expiresOn")).setValue(dispatchToday().plusDays(2).toString());
		press(form, "Send now", 0);
		var bodies = bodiesOf("Short-lived");
		assertThat(bodies).hasSize(2);

		clock.advance(Duration.ofDays(4));
		logInAsRecipient(address);
		assertThat(((HtmlPage) recipient.getPage(url("/received"))).asNormalizedText()).doesNotContain("Short-lived");
		expiry.deleteExpired(clock.instant());
		assertThat(blobContents().keySet()).doesNotContainAnyElementsOf(bodies);
		assertThat(stateIn(staff.getPage(url("/outbox")), "Short-lived")).contains("expired");
	}

	@Test
	void deletingNeedsTheConfirmation() throws Exception {
		var address = activatedRecipient();
		send(address, "Keep me", "", randomFile("keep.pdf", 1000));
		logInAsRecipient(address);
		HtmlPage details = ((org.htmlunit.html.HtmlAnchor) ((HtmlPage) recipient.getPage(url("/received")))
			.getAnchorByText("Keep me")).click();
		var refused = (HtmlPage) press(details, "Delete", 0);
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.asNormalizedText()).contains("Please confirm by ticking the box");
		assertThat(((HtmlPage) recipient.getPage(url("/received"))).asNormalizedText()).contains("Keep me");
	}

	@Test
	void setupLinkOfARecipientWorksOnceAndExpiresAfterSevenDays() throws Exception {
		var used = newAddress();
		send(used, "Once", "", randomFile("once.pdf", 100));
		var link = TestMailServer.link(MAIL.await(used, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/");
		setUpAccess(link);
		assertThat(recipient.getPage(local(link)).getWebResponse().getStatusCode()).isEqualTo(404);

		var late = newAddress();
		send(late, "Too late", "", randomFile("late.pdf", 100));
		var lateLink = TestMailServer.link(MAIL.await(late, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/");
		clock.advance(Duration.ofDays(7).plusMinutes(1));
		assertThat(recipient.getPage(local(lateLink)).getWebResponse().getStatusCode()).isEqualTo(404);
	}

	@Test
	void anExpiredSetupLinkIsSentAgainFromTheOutboxWithANewTokenOnce() throws Exception {
		var address = newAddress();
		send(address, "Link ran out", "", randomFile("later.pdf", 100));
		var id = jdbc.queryForObject("select id from deliveries where subject = 'Link ran out'", UUID.class);
		var oldLink = TestMailServer.link(MAIL.await(address, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/");
		HtmlPage waiting = staff.getPage(url("/outbox/" + id));
		assertThat(waiting.getByXPath("//button[normalize-space(.)='Send the link again']"))
			.as("no new link while the first one works").isEmpty();
		assertThat(resend(id).getWebResponse().getStatusCode()).as("refused while the link works").isEqualTo(409);
		assertThat(MAIL.to(address)).hasSize(1);

		clock.advance(Duration.ofDays(7).plusMinutes(1));
		assertThat(stateIn(staff.getPage(url("/outbox")), "Link ran out")).contains("set-up link expired");
		var resent = (HtmlPage) press(staff.getPage(url("/outbox/" + id)), "Send the link again", 0);
		assertThat(resent.getWebResponse().getStatusCode()).isEqualTo(200);
		assertThat(resent.asNormalizedText()).contains("A new set-up link is on its way to " + address)
			.contains("waiting for the recipient to set up access");
		var mails = MAIL.awaitAll(address, 2);
		var newLink = TestMailServer.link(mails.get(1), PUBLIC_BASE_URL + "/account/setup/");
		assertThat(newLink).isNotEqualTo(oldLink);
		assertThat(TestMailServer.text(mails.get(1))).contains(sender.email());
		assertThat(resend(id).getWebResponse().getStatusCode()).as("once: the new link works").isEqualTo(409);
		assertThat(jdbc.queryForObject("select count(*) from setup_links l join users u on u.id = l.user_id"
				+ " where u.email = ?", Integer.class, address)).as("the old link is gone").isOne();
		assertThat(jdbc.queryForObject("select roles from users where email = ?", String.class, address))
			.isEqualTo("EXTERNAL");

		clock.reset();
		assertThat(recipient.getPage(local(oldLink)).getWebResponse().getStatusCode()).as("old link dead").isEqualTo(404);
		setUpAccess(newLink);
		MAIL.await(sender.email(), address + " has set up access");
		assertThat(MAIL.to(address)).as("no third mail").hasSize(2);
	}

	@Test
	void recipientSetUpRefusesAWeakOrMismatchedSecuPassNextToTheField() throws Exception {
		var address = newAddress();
		send(address, "Rules first", "", randomFile("rules.pdf", 100));
		var link = TestMailServer.link(MAIL.await(address, "/account/setup/"), PUBLIC_BASE_URL + "/account/setup/");
		HtmlPage setup = recipient.getPage(local(link));
		assertThat(setup.asNormalizedText()).contains(address).contains("at least 12 characters");
		AccountFixtures.type(setup, "password", RECIPIENT_PASSWORD);
		AccountFixtures.type(setup, "passwordRepeated", RECIPIENT_PASSWORD);
		AccountFixtures.type(setup, "secuPass", "weak");
		AccountFixtures.type(setup, "secuPassRepeated", "weak");
		var weak = AccountFixtures.submit(setup, "secuPassRepeated");
		assertThat(weak.getWebResponse().getStatusCode()).isEqualTo(422);
		assertThat(weak.getElementById("secuPass-error")).isNotNull();
		assertThat(((HtmlInput) weak.getHtmlElementById("secuPass")).getValue()).isEmpty();

		AccountFixtures.type(weak, "password", RECIPIENT_PASSWORD);
		AccountFixtures.type(weak, "passwordRepeated", RECIPIENT_PASSWORD);
		AccountFixtures.type(weak, "secuPass", RECIPIENT_SECUPASS);
		AccountFixtures.type(weak, "secuPassRepeated", RECIPIENT_SECUPASS + "x");
		var mismatched = AccountFixtures.submit(weak, "secuPassRepeated");
		assertThat(mismatched.getWebResponse().getStatusCode()).isEqualTo(422);
		assertThat(mismatched.getElementById("secuPassRepeated-error")).isNotNull();
		assertThat(recipient.getPage(local(link)).getWebResponse().getStatusCode()).as("the link still works")
			.isEqualTo(200);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void noPlaintextOfADeliveryNorTheSecuPassReachesTheDiskTheDatabaseOrTheLog(CapturedOutput log) throws Exception {
		var address = activatedRecipient();
		var marker = "PLAINTEXT-MARKER-" + UUID.randomUUID();
		var file = Files.writeString(uploads.resolve(marker + ".txt"), ("confidential " + marker + "\n").repeat(1000));
		send(address, "Marked delivery", "message " + marker, file);
		logInAsRecipient(address);
		HtmlPage details = ((org.htmlunit.html.HtmlAnchor) ((HtmlPage) recipient.getPage(url("/received")))
			.getAnchorByText("Marked delivery")).click();
		var opened = (HtmlPage) withSecuPass(details, RECIPIENT_SECUPASS, "Open", 0);
		assertThat(opened.asNormalizedText()).contains("message " + marker).contains(marker + ".txt");
		assertThat(withSecuPass(opened, RECIPIENT_SECUPASS, "Download", 0).getWebResponse().getContentAsString())
			.contains(marker);

		checkpoint();
		for (var directory : java.util.List.of(DATA_DIRECTORY, blobDirectory())) {
			try (var files = Files.walk(directory)) {
				for (var path : files.filter(Files::isRegularFile).toList()) {
					var content = new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.ISO_8859_1);
					assertThat(content).as("plaintext in " + path).doesNotContain(marker).doesNotContain(RECIPIENT_SECUPASS);
				}
			}
		}
		assertThat(databaseContents()).doesNotContain(marker).doesNotContain(RECIPIENT_SECUPASS);
		assertThat(log.getAll()).contains("Delivery ").doesNotContain(marker).doesNotContain(RECIPIENT_SECUPASS);
	}

	@Test
	void tooManyRecipientsAreRefusedWithNothingStored() throws Exception {
		var before = blobContents().keySet();
		var addresses = new StringBuilder();
		for (int i = 0; i < 21; i++) {
			addresses.append(newAddress()).append('\n');
		}
		HtmlPage form = staff.getPage(url("/outbox/new"));
		fill(form, addresses.toString(), "Too many", "", randomFile("a.pdf", 1000));
		var refused = (HtmlPage) press(form, "Send now", 0);
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(refused.getHtmlElementById("recipients-error").asNormalizedText()).contains("Too many recipients");
		assertThat(blobContents().keySet()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from deliveries where subject = 'Too many'", Integer.class))
			.isZero();
	}

	@Test
	void aDisabledRecipientIsRefusedWithNothingStored() throws Exception {
		var address = activatedRecipient();
		HtmlPage users = staff.getPage(url("/admin/users"));
		HtmlButton disable = users.getFirstByXPath(
				"//tr[td[contains(normalize-space(.),'" + address + "')]]//button[normalize-space(.)='Disable']");
		assertThat(disable).as("disable button of " + address).isNotNull();
		disable.click();

		var before = blobContents().keySet();
		var refused = send(address, "To a disabled account", "hello", randomFile("b.pdf", 1000));
		assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
		assertThat(refused.getHtmlElementById("recipients-error").asNormalizedText()).contains(address)
			.contains("is disabled");
		assertThat(blobContents().keySet()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from deliveries where subject = 'To a disabled account'",
				Integer.class)).isZero();
	}

	/** Asks for a new set-up link for the first recipient, whatever the page offers. */
	Page resend(UUID delivery) throws IOException {
		var csrf = ((HtmlPage) staff.getPage(url("/outbox"))).<HtmlInput>getFirstByXPath("//input[@name='_csrf']")
			.getValue();
		var post = new org.htmlunit.WebRequest(new java.net.URL(url("/outbox/" + delivery + "/recipients/0/resend")),
				org.htmlunit.HttpMethod.POST);
		post.setRequestParameters(java.util.List.of(new org.htmlunit.util.NameValuePair("_csrf", csrf)));
		return staff.getPage(post);
	}

	HtmlPage confirmDelete(HtmlPage details) throws IOException {
		((HtmlCheckBoxInput) details.getFirstByXPath("//input[@name='confirm']")).setChecked(true);
		return (HtmlPage) press(details, "Delete", 0);
	}

	static Page withSecuPass(HtmlPage page, String secuPass, String button, int index) throws IOException {
		((HtmlInput) page.getHtmlElementById("secuPass")).setValue(secuPass);
		return press(page, button, index);
	}

	/** The recipients column of the outbox row of the delivery with {@code subject}. */
	static String stateIn(HtmlPage outbox, String subject) {
		HtmlElement row = outbox.getFirstByXPath("//tr[.//a[normalize-space(.)='" + subject + "']]");
		assertThat(row).as("outbox row of " + subject).isNotNull();
		return row.asNormalizedText();
	}

	java.util.List<String> bodiesOf(String subject) {
		return jdbc.queryForList("select p.blob_id from parcel_parts p join deliveries d on d.id = p.delivery_id"
				+ " where d.subject = ?", String.class, subject);
	}

	/** Every blob by id with a digest of its bytes. */
	Map<String, String> blobContents() throws IOException {
		try (var files = Files.walk(blobDirectory())) {
			var contents = new HashMap<String, String>();
			for (var file : files.filter(Files::isRegularFile).toList()) {
				contents.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
			}
			return contents;
		}
	}

	java.time.LocalDate dispatchToday() {
		return context.getBean(Dispatch.class).today();
	}

	static String subject(jakarta.mail.internet.MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
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

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
