package org.tresor.notification;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tresor.kernel.LinkToken;
import org.tresor.account.Role;
import org.tresor.account.SetupLinkId;
import org.tresor.account.SetupLinkIssued;
import org.tresor.account.UserId;
import org.tresor.account.UserSummary;
import org.tresor.submission.SubmissionId;
import org.tresor.submission.SubmissionReceived;
import org.tresor.submission.TicketId;
import org.tresor.submission.TicketIssued;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class MailNotificationsIntegrationTests extends NotificationIntegrationTestSupport {

	static final Instant EXPIRES = Instant.parse("2030-01-15T09:30:00Z");

	static final LinkToken TICKET_1 = LinkToken.random();

	static final LinkToken TICKET_2 = LinkToken.random();

	static final LinkToken TICKET_3 = LinkToken.random();

	static final LinkToken TICKET_4 = LinkToken.random();

	static final LinkToken TICKET_5 = LinkToken.random();

	static final LinkToken TICKET_X = LinkToken.random();

	static final LinkToken SETUP_1 = LinkToken.random();

	static final LinkToken SETUP_2 = LinkToken.random();

	static final LinkToken SETUP_X = LinkToken.random();

	/** A ticket whose mail gets {@code token}. */
	TicketId ticket(LinkToken token) {
		var id = new TicketId(UUID.randomUUID());
		given(ticketLinks.freshToken(id)).willReturn(Optional.of(token));
		return id;
	}

	/** A set-up link whose mail gets {@code token}. */
	SetupLinkId setupLink(LinkToken token) {
		var id = new SetupLinkId(UUID.randomUUID());
		given(accounts.freshSetupToken(id)).willReturn(Optional.of(token));
		return id;
	}

	@Nested
	class TicketMails {

		@Test
		void sendsTheSubmitLinkInTheRequestersLanguage() throws Exception {
			publish(new TicketIssued(ticket(TICKET_1), "client@example.org", "Beratung", EXPIRES, "en"));

			var mail = awaitMails("client@example.org", 1).get(0);
			assertThat(mail.getSubject()).isEqualTo("Your link for secure submission");
			assertThat(mail.getFrom()).containsExactly(new InternetAddress("tresor@example.org"));
			assertThat(text(mail)).contains(BASE_URL + "/submit/t/" + TICKET_1.value(), "Beratung", "only once");
			assertThat(html(mail)).contains("href=\"" + BASE_URL + "/submit/t/" + TICKET_1.value() + "\"");
		}

		@Test
		void writesGermanForGermanAndForUnknownLanguages() throws Exception {
			publish(new TicketIssued(ticket(TICKET_2), "kundin@example.org", "Beratung", EXPIRES, "de-AT"));
			publish(new TicketIssued(ticket(TICKET_3), "client-fr@example.org", "Beratung", EXPIRES, "fr"));

			assertThat(awaitMails("kundin@example.org", 1).get(0).getSubject()).isEqualTo("Ihr Link zum sicheren Versand");
			assertThat(awaitMails("client-fr@example.org", 1).get(0).getSubject()).isEqualTo("Ihr Link zum sicheren Versand");
		}

		@Test
		void statesTheExpiryInTheMailsLanguage() throws Exception {
			publish(new TicketIssued(ticket(TICKET_4), "expiry@example.org", "Beratung", EXPIRES, "de"));

			assertThat(text(awaitMails("expiry@example.org", 1).get(0))).contains("15.01.2030, 10:30");
		}

		/** The ticket was used or expired before SMTP took the mail: no link is due, the publication completes. */
		@Test
		void sendsNoMailForATicketThatCanNoLongerBeUsed() {
			publish(new TicketIssued(new TicketId(UUID.randomUUID()), "too-late@example.org", "Beratung", EXPIRES, "de"));

			awaitPublicationsCompleted("too-late@example.org");
			assertThat(mailsTo("too-late@example.org")).isEmpty();
		}

		@Test
		void isMultipartAlternativeWithTextThenHtml() throws Exception {
			publish(new TicketIssued(ticket(TICKET_5), "parts@example.org", "Beratung", EXPIRES, "de"));

			var mail = awaitMails("parts@example.org", 1).get(0);
			assertThat(mail.getContentType()).startsWith("multipart/alternative");
			var parts = (MimeMultipart) mail.getContent();
			assertThat(parts.getCount()).isEqualTo(2);
			assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
			assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
		}
	}

	@Nested
	class SubmissionMails {

		final UserId anna = UserId.random();

		final UserId ben = UserId.random();

		final SubmissionReceived received = new SubmissionReceived(SubmissionId.random(), "K7Q-4XM2", "Beratung",
				"sender@example.org", Instant.parse("2030-01-10T08:00:00Z"), 3, List.of(anna, ben), "en");

		@Test
		void tellsEveryMemberInTheirLanguageWithALinkToTheInbox() throws Exception {
			given(accounts.find(anna)).willReturn(Optional.of(user(anna, "anna@example.org", "de")));
			given(accounts.find(ben)).willReturn(Optional.of(user(ben, "ben@example.org", "en")));

			publish(received);

			var toAnna = awaitMails("anna@example.org", 1).get(0);
			var toBen = awaitMails("ben@example.org", 1).get(0);
			assertThat(toAnna.getSubject()).isEqualTo("Neue Sendung im Postfach Beratung");
			assertThat(toBen.getSubject()).isEqualTo("New submission in box Beratung");
			var inbox = BASE_URL + "/inbox/" + received.id().value();
			assertThat(text(toAnna)).contains(inbox, "K7Q-4XM2", "sender@example.org");
			assertThat(html(toBen)).contains("href=\"" + inbox + "\"");
		}

		@Test
		void sendsTheSenderAReceiptWithReferenceButNoLink() throws Exception {
			publish(received);

			var receipt = awaitMails("sender@example.org", 1).get(0);
			assertThat(receipt.getSubject()).isEqualTo("Receipt for your submission K7Q-4XM2");
			assertThat(text(receipt)).contains("K7Q-4XM2", "Beratung").doesNotContain(BASE_URL);
		}

		@Test
		void skipsMembersThatNoLongerExist() throws Exception {
			given(accounts.find(ben)).willReturn(Optional.of(user(ben, "ben-only@example.org", "en")));

			publish(received);

			assertThat(awaitMails("ben-only@example.org", 1)).hasSize(1);
			awaitPublicationsCompleted("K7Q-4XM2");
		}

		private static UserSummary user(UserId id, String email, String language) {
			return new UserSummary(id, email, Set.of(Role.STAFF), true, language);
		}
	}

	@Nested
	class SetupLinkMails {

		@Test
		void sendsTheSetupLinkWithItsExpiry() throws Exception {
			publish(new SetupLinkIssued(UserId.random(), setupLink(SETUP_1), "new-user@example.org", EXPIRES, "en"));

			var mail = awaitMails("new-user@example.org", 1).get(0);
			assertThat(mail.getSubject()).isEqualTo("Set up your access");
			assertThat(text(mail)).contains(BASE_URL + "/account/setup/" + SETUP_1.value(), "Jan 15, 2030");
			assertThat(html(mail)).contains("href=\"" + BASE_URL + "/account/setup/" + SETUP_1.value() + "\"");
		}

		/** A newer invitation replaced the link, or it was used or expired: no mail. */
		@Test
		void sendsNoMailForALinkThatCanNoLongerBeUsed() {
			publish(new SetupLinkIssued(UserId.random(), new SetupLinkId(UUID.randomUUID()), "replaced@example.org",
					EXPIRES, "de"));

			awaitPublicationsCompleted("replaced@example.org");
			assertThat(mailsTo("replaced@example.org")).isEmpty();
		}

		@Test
		void speaksGermanByDefault() throws Exception {
			publish(new SetupLinkIssued(UserId.random(), setupLink(SETUP_2), "neu@example.org", EXPIRES, null));

			assertThat(awaitMails("neu@example.org", 1).get(0).getSubject()).isEqualTo("Zugang einrichten");
		}
	}

	@Nested
	class HeaderInjection {

		@Test
		void sendsNothingToAnAddressWithALineBreak() {
			publish(new TicketIssued(ticket(TICKET_X), "victim-crlf@example.org\r\nBcc: x@evil", "Beratung", EXPIRES, "de"));

			awaitPublicationsCompleted("victim-crlf");
			assertThat(mailsTo("victim-crlf@example.org")).isEmpty();
			assertThat(mailsTo("x@evil")).isEmpty();
		}

		@Test
		void sendsNothingToAListOfAddresses() {
			publish(new SetupLinkIssued(UserId.random(), setupLink(SETUP_X), "victim-list@example.org, x@evil", EXPIRES, "de"));

			awaitPublicationsCompleted("victim-list");
			assertThat(mailsTo("victim-list@example.org")).isEmpty();
			assertThat(mailsTo("x@evil")).isEmpty();
		}
	}

	static String text(MimeMessage mail) throws MessagingException, IOException {
		return ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent().toString();
	}

	static String html(MimeMessage mail) throws MessagingException, IOException {
		return ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent().toString();
	}
}
